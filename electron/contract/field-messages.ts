/**
 * How fields are named to people, shared by the core's error messages, the forms and the audit history, so a field
 * is called the same everywhere: "windowStart" → "Window start", "systemIds" → "Systems".
 */
const LABELS: Record<string, string> = {
  systemIds: 'Systems',
  environmentIds: 'Environments',
  ownerId: 'Owner',
  dependsOn: 'Depends on',
  personId: 'Person',
  timeZone: 'Time zone',
  requiresMaintenanceWindow: 'Requires maintenance window',
  isProduction: 'Production',
  _deleted: 'Deleted',
};

/** The label of a field path's last named part ("systemIds.2" → "Systems"). */
export function fieldLabel(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  if (LABELS[last]) return LABELS[last];
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A field's problem as a sentence. Schema messages are a whole sentence ("Choose at least one system."), a sentence
 * that starts with the field's label ("Name is required") or a predicate ("must be …"); zod's own messages
 * ("Invalid input: …") get the label in front.
 */
export function fieldMessage(field: string, message: string): string {
  const label = fieldLabel(field);
  if (message.endsWith('.') || message.startsWith(label)) return message;
  if (/^[a-z]/.test(message)) return `${label} ${message}`;
  return `${label}: ${message}`;
}
