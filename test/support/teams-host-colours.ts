/**
 * The colours Teams draws an Adaptive Card with, per theme, so a test can measure contrast
 * without a browser.
 *
 * Light and dark: copied from the Adaptive Cards designer package (adaptivecards-designer
 * 2.4.4, `lib/hostConfigs/microsoft-teams-light.json` and `microsoft-teams-dark.json`,
 * `containerStyles.*.backgroundColor` and `.foregroundColors`). That package cannot be
 * installed beside adaptivecards 3 (its peer range is ^2.10), hence the copy. Colours are
 * `#AARRGGBB` or `#RRGGBB` as there: a subtle colour is the same hue with alpha, drawn over
 * its container's background.
 *
 * High contrast: no Teams host config for it is published. The values are Teams' own
 * high-contrast palette from Fluent UI Northstar, the design system of the Teams client
 * (microsoft/fluentui, `packages/fluentui/react-northstar/src/themes/teams-high-contrast/colors.ts`:
 * background black, foreground white, accessibleCyan #1aebff, accessibleGreen #3ff23f,
 * accessibleYellow #ffff00, red #f00). Assumed, and stated here because nothing documents
 * it: every container style draws on black (the high-contrast theme has no tinted
 * surfaces), text is white with no subtle variant, and the named colours map to that
 * palette: accent cyan, good green, warning yellow, attention red.
 */

/** A theme Teams offers its users. */
export type Theme = 'light' | 'dark' | 'highContrast';
export const THEMES: readonly Theme[] = ['light', 'dark', 'highContrast'];

/** `style` of a Container, Column or ColumnSet. */
export type ContainerStyle = 'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning';
export const CONTAINER_STYLES: readonly ContainerStyle[] = ['default', 'emphasis', 'accent', 'good', 'attention', 'warning'];

/** `color` of a TextBlock or TextRun, lower-cased. */
export type ForegroundName = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';

/** A foreground colour and its `isSubtle` variant. */
export interface Foreground {
  default: string;
  subtle: string;
}

/** What one container style looks like: its background and the text colours drawn on it. */
export interface StyleColours {
  background: string;
  foreground: Record<ForegroundName, Foreground>;
}

/** Teams light: every style shares one set of text colours. */
const lightText: Record<ForegroundName, Foreground> = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

/** Teams dark, on the default and emphasis surfaces. */
const darkText: Record<ForegroundName, Foreground> = {
  default: { default: '#ffffffff', subtle: '#bfffffff' },
  dark: { default: '#ff201f1f', subtle: '#ff2d2c2c' },
  light: { default: '#ffffffff', subtle: '#bfffffff' },
  accent: { default: '#ffa6a7dc', subtle: '#ff8b8cc7' },
  good: { default: '#ff92c353', subtle: '#e592c353' },
  warning: { default: '#fff8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#ffd74654', subtle: '#e5d74654' },
};

/** Teams dark, on the pale accent, good, attention and warning surfaces: default text turns dark. */
const darkTextOnTint: Record<ForegroundName, Foreground> = { ...darkText, default: { default: '#ff201f1f', subtle: '#ff2d2c2c' } };

const white = { default: '#ffffff', subtle: '#ffffff' };
/** Assumed high-contrast text (see the file comment). */
const highContrastText: Record<ForegroundName, Foreground> = {
  default: white,
  dark: white,
  light: white,
  accent: { default: '#1aebff', subtle: '#1aebff' },
  good: { default: '#3ff23f', subtle: '#3ff23f' },
  warning: { default: '#ffff00', subtle: '#ffff00' },
  attention: { default: '#ff0000', subtle: '#ff0000' },
};

/** Every theme's container styles. */
export const TEAMS_HOST_COLOURS: Record<Theme, Record<ContainerStyle, StyleColours>> = {
  light: {
    default: { background: '#ffffff', foreground: lightText },
    emphasis: { background: '#fff9f8f7', foreground: lightText },
    accent: { background: '#C7DEF9', foreground: lightText },
    good: { background: '#CCFFCC', foreground: lightText },
    attention: { background: '#FFC5B2', foreground: lightText },
    warning: { background: '#FFE2B2', foreground: lightText },
  },
  dark: {
    default: { background: '#ff2d2c2c', foreground: darkText },
    emphasis: { background: '#ff292828', foreground: darkText },
    accent: { background: '#C7DEF9', foreground: darkTextOnTint },
    good: { background: '#CCFFCC', foreground: darkTextOnTint },
    attention: { background: '#FFC5B2', foreground: darkTextOnTint },
    warning: { background: '#FFE2B2', foreground: darkTextOnTint },
  },
  highContrast: Object.fromEntries(CONTAINER_STYLES.map((style) => [style, { background: '#000000', foreground: highContrastText }])) as Record<ContainerStyle, StyleColours>,
};
