import { darken, DEFAULT_THEME, lighten, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * WCAG 2.2 AA asks 4.5:1 for text (1.4.3). Mantine's stock shades fall short in places a dense screen uses most: dimmed
 * text, light badges, coloured text on white and on dark, white on orange or yellow buttons. Rather than pick colours
 * screen by screen, every text colour the theme hands out is nudged here, once, until it reads on every surface it can
 * sit on. 4.6 leaves a margin for anti-aliasing and rounding in the scanners.
 */
const TEXT_CONTRAST = 4.6;

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour, darkened (on light surfaces) or lightened (on dark ones) in small steps until it reads on them all. */
function readable(color: string, surfaces: string[], direction: 'darker' | 'lighter'): string {
  const shift = direction === 'darker' ? darken : lighten;
  for (let amount = 0; amount < 1; amount += 0.04) {
    const candidate = amount === 0 ? color : shift(color, amount);
    if (surfaces.every((surface) => contrast(candidate, surface) >= TEXT_CONTRAST)) return candidate;
  }
  return direction === 'darker' ? '#000' : '#fff';
}

/** A filled surface dark enough for the white text Mantine puts on it (buttons, filled badges, notifications' icons). */
function underWhiteText(color: string): string {
  return readable(color, ['#ffffff'], 'darker');
}

const colors = DEFAULT_THEME.colors;
const gray = colors.gray;
const dark = colors.dark;
/** Where text sits in light: the page, striped and hovered rows, the selected row (hovered too) and today's cell. */
const LIGHT_SURFACES = ['#ffffff', gray[0], gray[1], colors.indigo[0], colors.indigo[1], colors.indigo[2]];
/** …and in dark: the page, cards and inputs, the navbar, hovered rows. */
const DARK_SURFACES = [dark[7], dark[6], dark[8], dark[5]];

function paletteVariables(name: string, shades: MantineColorsTuple, scheme: 'light' | 'dark', primaryShade: number): Record<string, string> {
  const filled = underWhiteText(shades[primaryShade]);
  const variables: Record<string, string> = {
    [`--mantine-color-${name}-filled`]: filled,
    [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.12),
  };
  if (scheme === 'light') {
    variables[`--mantine-color-${name}-text`] = readable(shades[primaryShade], LIGHT_SURFACES, 'darker');
    // Light badges and calendar events: the darkest shade on the palest, and on the hover shade beside it.
    variables[`--mantine-color-${name}-light-color`] = readable(shades[9], [shades[1], shades[2], '#ffffff'], 'darker');
    variables[`--mantine-color-${name}-outline`] = readable(shades[primaryShade], LIGHT_SURFACES, 'darker');
  } else {
    variables[`--mantine-color-${name}-text`] = readable(shades[4], DARK_SURFACES, 'lighter');
    variables[`--mantine-color-${name}-light-color`] = readable(shades[0], [darken(shades[9], 0.3), dark[7]], 'lighter');
  }
  return variables;
}

const LIGHT_SHADE = 6;
const DARK_SHADE = 8;

function schemeVariables(scheme: 'light' | 'dark'): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    Object.assign(variables, paletteVariables(name, shades, scheme, scheme === 'light' ? LIGHT_SHADE : DARK_SHADE));
  }
  if (scheme === 'light') {
    variables['--mantine-color-dimmed'] = readable(gray[6], LIGHT_SURFACES, 'darker');
    // Placeholders are text too (1.4.3): as readable as dimmed text, and told apart from values by being lighter than them.
    variables['--mantine-color-placeholder'] = variables['--mantine-color-dimmed'];
    variables['--mantine-color-error'] = variables['--mantine-color-red-text'];
    variables['--mantine-color-anchor'] = variables['--mantine-color-indigo-text'];
  } else {
    variables['--mantine-color-dimmed'] = readable(dark[2], DARK_SURFACES, 'lighter');
    variables['--mantine-color-error'] = variables['--mantine-color-red-text'];
    variables['--mantine-color-placeholder'] = variables['--mantine-color-dimmed'];
  }
  return variables;
}

/** Passed to MantineProvider: merged over Mantine's own variables, so only what needs it changes. */
export const readableColorsResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: schemeVariables('light'),
  dark: schemeVariables('dark'),
});
