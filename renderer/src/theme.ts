import { createTheme, Drawer, Menu, Modal, NavLink } from '@mantine/core';

/** Dense but calm: small default sizes, one restrained accent, system fonts (the CSP allows no remote fonts). */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '600' },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    MultiSelect: { defaultProps: { size: 'sm' } },
    // Mantine fades the active link's description to 90 %, which takes dimmed text under 4.5:1 on the active tint.
    NavLink: NavLink.extend({ styles: { description: { opacity: 1 } } }),
    // Mantine's close buttons are icons with no name; a screen reader would say only "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // The focus placeholder Mantine puts first in a menu is a role=presentation child, which a menu may not own;
    // without it, the keyboard lands on the first item, as the ARIA menu pattern asks.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});
