import type { WorkspaceStore } from '../store/workspace-store';

/**
 * How sync messages name a device: the label its key records carry (who on which computer) and its id, which is also
 * its folder's name in a shared folder; "this device" for this one.
 */
export function deviceNamer(store: WorkspaceStore): (deviceId: string) => string {
  const trust = store.trustView();
  const labels = new Map<string, string>();
  for (const k of [...trust.requests, ...trust.enrolments]) if (k.label) labels.set(k.keyDeviceId, k.label);
  if (trust.root?.label) labels.set(trust.root.deviceId, trust.root.label);
  return (deviceId) => {
    if (deviceId === store.deviceId) return 'this device';
    const label = labels.get(deviceId);
    return label ? `${label} (device ${deviceId})` : `device ${deviceId}`;
  };
}
