import type { ChecklistTemplate, ReadinessState } from '../../../contract/readiness-entities';

/**
 * The checklist templates a workspace starts from (BRIEF.md, "what asserting it means"), one per readiness state.
 * Their ids are fixed so that two devices seeding offline end up with the same templates after sync, not two copies.
 */
const item = (title: string, required = true) => ({ title, required });

export const DEFAULT_TEMPLATES: Record<ReadinessState, ChecklistTemplate> = {
  product: {
    id: 'default-product',
    name: 'Product readiness',
    state: 'product',
    items: [
      item('Requirements tested through unit tests'),
      item('QA test run passed'),
      item('UAT signed off by the business'),
      item('Remaining known issues listed and waived'),
      item('Demo to stakeholders done', false),
    ],
  },
  organization: {
    id: 'default-organization',
    name: 'Organization readiness',
    state: 'organization',
    items: [
      item('Release notes written'),
      item('Support runbooks updated'),
      item('Troubleshooting guide updated'),
      item('Support team trained'),
      item('Customer communication scheduled', false),
    ],
  },
  security: {
    id: 'default-security',
    name: 'Security readiness',
    state: 'security',
    items: [
      item('Security scan reviewed'),
      item('Vulnerabilities and exploits evaluated'),
      item('Security policies verified for the target environment'),
      item('Penetration test findings triaged', false),
    ],
  },
  operation: {
    id: 'default-operation',
    name: 'Operation readiness',
    state: 'operation',
    items: [
      item('Release plan reviewed'),
      item('Runbook updated'),
      item('Rollback plan tested'),
      item('Monitoring and alerts in place'),
      item('On-call rota confirmed', false),
    ],
  },
};
