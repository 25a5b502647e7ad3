import type { PersonRole } from '../../contract/entities';

/**
 * The fixed cast of the demo workspace: a mid-sized online retailer with teams in a few time zones. Names are the
 * contract's domain words, so the demo reads like the product brief.
 */
export const DEMO_SETTINGS = { name: 'Northwind Retail releases', defaultTimeZone: 'Europe/Berlin', readinessPolicy: 'presumptive' };

export const DEMO_PEOPLE: ReadonlyArray<{ name: string; roles: PersonRole[] }> = [
  { name: 'Priya Natarajan', roles: ['release-coordinator', 'release-manager', 'admin'] },
  { name: 'Jonas Weber', roles: ['product-owner'] },
  { name: 'Hannah Becker', roles: ['product-owner'] },
  { name: 'Amara Okafor', roles: ['security-architect'] },
  { name: 'Lukas Hoffmann', roles: ['operations-coordinator'] },
  { name: 'Sofia Martinez', roles: ['release-manager'] },
  { name: 'Daniel Kim', roles: ['release-manager', 'engineer'] },
  { name: 'Rahul Mehta', roles: ['engineer'] },
  { name: 'Emma Schneider', roles: ['engineer'] },
];

export const demoEmail = (name: string) => `${name.toLowerCase().replace(/\s+/g, '.')}@northwind.example`;

/** Listed so that every system comes after the systems it depends on. */
export const DEMO_SYSTEMS: ReadonlyArray<{ name: string; description: string; dependsOn: string[] }> = [
  { name: 'Customer DB', description: 'PostgreSQL cluster holding customer accounts, addresses and consents.', dependsOn: [] },
  { name: 'Product Catalog', description: 'Products, prices and stock levels for every storefront.', dependsOn: [] },
  { name: 'Identity Service', description: 'Sign-in, sessions and single sign-on for customers and staff.', dependsOn: ['Customer DB'] },
  { name: 'Payments API', description: 'Card, wallet and invoice payments; talks to the payment service providers.', dependsOn: ['Customer DB'] },
  { name: 'Notification Service', description: 'E-mail, SMS and push notifications.', dependsOn: ['Customer DB'] },
  { name: 'Orders Service', description: 'Order capture, fulfilment and returns.', dependsOn: ['Payments API', 'Product Catalog'] },
  { name: 'Web Shop', description: 'The customer-facing storefront.', dependsOn: ['Payments API', 'Orders Service', 'Identity Service', 'Product Catalog'] },
  { name: 'Mobile App Backend', description: 'API behind the iOS and Android apps.', dependsOn: ['Orders Service', 'Identity Service'] },
  { name: 'Data Warehouse', description: 'Nightly loads for reporting and DORA metrics.', dependsOn: ['Orders Service', 'Customer DB'] },
];

/** The path to production, in order. */
export const DEMO_ENVIRONMENTS: ReadonlyArray<{ name: string; description: string; requiresMaintenanceWindow: boolean; isProduction: boolean }> = [
  { name: 'dev', description: 'Integration of the teams’ main branches.', requiresMaintenanceWindow: false, isProduction: false },
  { name: 'test', description: 'Automated regression and QA.', requiresMaintenanceWindow: false, isProduction: false },
  { name: 'UAT', description: 'User acceptance testing with the business.', requiresMaintenanceWindow: false, isProduction: false },
  { name: 'staging', description: 'Production-like dress rehearsal.', requiresMaintenanceWindow: false, isProduction: false },
  { name: 'production', description: 'Live. Changes only inside maintenance windows.', requiresMaintenanceWindow: true, isProduction: true },
];

/** A release train: a named stream of releases by one team, in that team's time zone. */
export interface DemoTrain {
  name: string;
  systems: string[];
  timeZone: string;
  descriptions: string[];
}

export const DEMO_TRAINS: readonly DemoTrain[] = [
  { name: 'Payments API', systems: ['Payments API'], timeZone: 'Europe/Berlin', descriptions: ['New payment provider fallback.', 'PSD2 strong customer authentication fixes.', 'Refund flow performance.'] },
  { name: 'Web Shop', systems: ['Web Shop'], timeZone: 'Europe/Berlin', descriptions: ['Storefront bug fixes and copy changes.', 'New product detail page.', 'Accessibility improvements.'] },
  { name: 'Orders Service', systems: ['Orders Service'], timeZone: 'Europe/London', descriptions: ['Partial returns.', 'Fulfilment partner API upgrade.', 'Order history pagination.'] },
  { name: 'Identity Service', systems: ['Identity Service'], timeZone: 'Asia/Kolkata', descriptions: ['Session lifetime policy.', 'Passkey sign-in.', 'Library upgrades after security scan.'] },
  { name: 'Customer DB schema', systems: ['Customer DB'], timeZone: 'Europe/Berlin', descriptions: ['Consent history table.', 'Index maintenance and vacuum tuning.', 'Address normalisation migration.'] },
  { name: 'Mobile App Backend', systems: ['Mobile App Backend'], timeZone: 'America/New_York', descriptions: ['Push opt-in endpoints.', 'Order tracking API v2.', 'Rate limiting.'] },
  { name: 'Product Catalog', systems: ['Product Catalog'], timeZone: 'Asia/Kolkata', descriptions: ['Bulk price import.', 'Stock sync with warehouses.', 'Search facets.'] },
  { name: 'Data Warehouse', systems: ['Data Warehouse'], timeZone: 'Europe/London', descriptions: ['New DORA metrics mart.', 'Nightly load moved earlier.', 'GDPR deletion jobs.'] },
  { name: 'Notification Service', systems: ['Notification Service'], timeZone: 'America/New_York', descriptions: ['SMS provider switch.', 'Template versioning.', 'Delivery receipts.'] },
  { name: 'Checkout revamp', systems: ['Web Shop', 'Payments API', 'Orders Service'], timeZone: 'Europe/Berlin', descriptions: ['One-page checkout across shop, payments and orders.', 'Express checkout for returning customers.'] },
  { name: 'Single sign-on rollout', systems: ['Identity Service', 'Web Shop', 'Mobile App Backend'], timeZone: 'Asia/Kolkata', descriptions: ['Shared sessions between web and app.', 'Staff SSO through the corporate directory.'] },
];
