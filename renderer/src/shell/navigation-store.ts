import { create } from 'zustand';

export const SCREENS = ['releases', 'calendar', 'runbooks', 'readiness', 'meetings', 'metrics', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

function screenFromHash(): Screen {
  const name = window.location.hash.replace(/^#\/?/, '').split(/[/?&]/)[0];
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'releases';
}

/** The screen lives in the URL fragment, so a reload (or the web shell's back button) keeps your place. */
export const useNavigationStore = create<{ screen: Screen; go(screen: Screen): void }>((set) => ({
  screen: screenFromHash(),
  go(screen) {
    if (window.location.hash !== `#/${screen}`) window.location.hash = `/${screen}`;
    set({ screen });
  },
}));

window.addEventListener('hashchange', () => useNavigationStore.setState({ screen: screenFromHash() }));
