/**
 * Cached `Intl` formatters. Building an `Intl` formatter costs far more than using one, and the kit
 * formats on every progress tick, so each locale and option set is built once.
 */
const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string | undefined, options: object, build: () => T): T {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale?: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function pluralRules(locale?: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  return cached('plural', locale, options, () => new Intl.PluralRules(locale, options));
}

export function relativeTimeFormat(
  locale?: string,
  options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' },
): Intl.RelativeTimeFormat {
  return cached('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options));
}

export function dateTimeFormat(locale?: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** "42%" in the locale's own way. `progress` is 0..100. */
export function formatPercent(progress: number, locale?: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(progress / 100);
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 minutes ago", "in 2 hours", "now": `date` relative to `now`, in the largest fitting unit. */
export function formatRelativeTime(date: Date, now: number, locale?: string): string {
  const diff = date.getTime() - now;
  const format = relativeTimeFormat(locale);
  for (const [unit, ms] of relativeUnits) {
    if (Math.abs(diff) >= ms || unit === 'second') return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'second');
}
