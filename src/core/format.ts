import { devWarn } from './dev';

/**
 * Cached `Intl` formatters. Building an `Intl` formatter costs far more than using one, and the kit
 * formats on every progress tick, so each locale and option set is built once.
 */
const cache = new Map<string, unknown>();
/** Locale tags already checked: the tag to use (undefined: the default locale). */
const locales = new Map<string, string | undefined>();

/**
 * `locale` when `Intl` accepts it; otherwise undefined, the default locale, with a development warning
 * (once per tag): a host's `en_US` or empty string must not take the page down.
 */
export function resolveLocale(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  if (!locales.has(locale)) {
    let valid = false;
    try {
      valid = Intl.getCanonicalLocales(locale).length > 0;
    } catch {}
    if (!valid) devWarn(`locale ${JSON.stringify(locale)} is invalid; using the default locale.`);
    locales.set(locale, valid ? locale : undefined);
  }
  return locales.get(locale);
}

function cached<T>(
  kind: string,
  requested: string | undefined,
  options: object,
  build: (locale: string | undefined) => T,
): T {
  const locale = resolveLocale(requested);
  // Most calls pass no options: the key is then made without serializing any.
  let described = '';
  for (const _ in options) {
    described = JSON.stringify(options);
    break;
  }
  const key = `${kind}|${locale ?? ''}|${described}`;
  let formatter = cache.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = build(locale);
    cache.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale?: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, (tag) => new Intl.NumberFormat(tag, options));
}

export function pluralRules(locale?: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  return cached('plural', locale, options, () => new Intl.PluralRules(locale, options));
}

export function relativeTimeFormat(
  locale?: string,
  options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' },
): Intl.RelativeTimeFormat {
  return cached('relative', locale, options, (tag) => new Intl.RelativeTimeFormat(tag, options));
}

export function dateTimeFormat(locale?: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('date', locale, options, (tag) => new Intl.DateTimeFormat(tag, options));
}

/**
 * "42%" in the locale's own way. `progress` is 0..100: anything below (or not a number) reads 0 %,
 * anything above 100 %, so the text is never "NaN%", "∞%", "-0%" or negative.
 */
export function formatPercent(progress: number, locale?: string): string {
  const value = Number.isFinite(progress) ? Math.min(100, Math.max(0, progress)) : 0;
  // Whole percents, what progress ticks mostly are, are formatted once per locale.
  const whole = Number.isInteger(value);
  const tag = resolveLocale(locale) ?? '';
  let texts = percentTexts.get(tag);
  const known = whole ? texts?.[value] : undefined;
  if (known !== undefined) return known;
  const text = numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
  if (whole) {
    if (texts === undefined) {
      texts = [];
      percentTexts.set(tag, texts);
    }
    texts[value] = text;
  }
  return text;
}

/** `formatPercent`'s texts of whole percents, by locale (the default one under ''). */
const percentTexts = new Map<string, string[]>();

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * "3 minutes ago", "in 2 hours", "now": `date` relative to `now`, in the largest fitting unit. Empty when
 * either is no real time (an invalid date), rather than a throw or "NaN".
 */
export function formatRelativeTime(date: Date, now: number, locale?: string): string {
  const diff = date.getTime() - now;
  if (!Number.isFinite(diff)) return '';
  const format = relativeTimeFormat(locale);
  for (const [unit, ms] of relativeUnits) {
    // `|| 0`: a rounded -0 would read "-0 seconds" with some options.
    if (Math.abs(diff) >= ms || unit === 'second') return format.format(Math.round(diff / ms) || 0, unit);
  }
  return format.format(0, 'second');
}
