import { create } from 'zustand';

export const SCREENS = ['releases', 'calendar', 'runbooks', 'readiness', 'meetings', 'metrics', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/** "#/settings/keys" → screen "settings", detail "keys" (a tab of the screen). */
function placeFromHash(): { screen: Screen; detail: string | null } {
  const [name, detail] = window.location.hash.replace(/^#\/?/, '').split(/[?&]/)[0].split('/');
  const screen = (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'releases';
  return { screen, detail: detail || null };
}

/** The screen (and its tab) lives in the URL fragment, so a reload (or the web shell's back button) keeps your place. */
export const useNavigationStore = create<{ screen: Screen; detail: string | null; go(screen: Screen, detail?: string | null): void }>((set) => ({
  ...placeFromHash(),
  go(screen, detail = null) {
    const hash = detail ? `#/${screen}/${detail}` : `#/${screen}`;
    if (window.location.hash !== hash) window.location.hash = hash.slice(1);
    set({ screen, detail });
  },
}));

window.addEventListener('hashchange', () => useNavigationStore.setState(placeFromHash()));
