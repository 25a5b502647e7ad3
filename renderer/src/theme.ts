import { createTheme, Drawer, Menu, Modal, NavLink, type MantineThemeComponent } from '@mantine/core';
import { DateInput, DatePickerInput } from '@mantine/dates';

/**
 * A long option list scrolls in the listbox itself rather than in a scroll area around it: the listbox belongs to its
 * combobox, whose arrow keys move through it, where a wrapping scroll area would be a scrolling region no key reaches.
 */
const scrollingListbox: MantineThemeComponent['styles'] = { options: { maxHeight: 250, overflowY: 'auto' } };

/** Dense but calm: small default sizes, one restrained accent, system fonts (the CSP allows no remote fonts). */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '600' },
  // Modals, drawers, menus and notifications appear without sliding or fading for people who asked the OS for less motion.
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm', withScrollArea: false }, styles: scrollingListbox },
    MultiSelect: { defaultProps: { size: 'sm', withScrollArea: false }, styles: scrollingListbox },
    Autocomplete: { defaultProps: { withScrollArea: false }, styles: scrollingListbox },
    TagsInput: { defaultProps: { withScrollArea: false }, styles: scrollingListbox },
    // The month arrows of the date pickers are icons: without these they are buttons with no name.
    DateInput: DateInput.extend({ defaultProps: { previousLabel: 'Previous', nextLabel: 'Next' } }),
    DatePickerInput: DatePickerInput.extend({ defaultProps: { previousLabel: 'Previous', nextLabel: 'Next' } }),
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
