const STORAGE_KEY = 'release-desk:web-token';

/**
 * The web shell hands its token over in the URL fragment (never sent to a server or in a Referer). It is read
 * once, kept in sessionStorage so a reload still works, and wiped from the address bar so it does not end up in
 * bookmarks, screenshots or history.
 */
export function takeSessionToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(STORAGE_KEY, token);
    const rest = window.location.hash.replace(/(^#|&)token=[^&]+/, '$1').replace(/^#&/, '#');
    const hash = rest === '#' ? '' : rest;
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
    return token;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
