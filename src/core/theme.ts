/** The theme tokens: each becomes a `--jk-*` custom property the stylesheet reads. */
export interface ThemeTokens {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  danger: string;
  success: string;
  radius: string;
  font: string;
  duration: string;
}

export const THEME_TOKENS = [
  'bg',
  'fg',
  'muted',
  'border',
  'accent',
  'danger',
  'success',
  'radius',
  'font',
  'duration',
] as const satisfies readonly (keyof ThemeTokens)[];

/** A theme: tokens for both schemes, with `dark` overriding them when the dark scheme applies. */
export interface Theme extends Partial<ThemeTokens> {
  dark?: Partial<ThemeTokens>;
}

export type ColorScheme = 'light' | 'dark' | 'system';

/**
 * The custom properties a theme sets. Light values go to `--jk-light-*`, dark ones to `--jk-dark-*`;
 * the stylesheet picks between them by color scheme, so one inline style serves both.
 */
export function themeVariables(theme: Theme | undefined): Record<string, string> {
  const variables: Record<string, string> = {};
  if (theme === undefined) return variables;
  for (const token of THEME_TOKENS) {
    const light = theme[token];
    const dark = theme.dark?.[token] ?? light;
    if (light !== undefined) variables[`--jk-light-${token}`] = light;
    if (dark !== undefined) variables[`--jk-dark-${token}`] = dark;
  }
  return variables;
}
