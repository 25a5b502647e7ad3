import os from 'node:os';

/** How people recognise a device in a list of keys: who uses it on which computer. */
export function deviceLabel(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`.slice(0, 200);
  } catch {
    return os.hostname().slice(0, 200);
  }
}
