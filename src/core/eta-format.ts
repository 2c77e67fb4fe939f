import { numberFormat } from './format';
import type { Messages } from './messages';
import { formatMessage } from './message-format';

/**
 * Catalogue keys for ETA text. Each has a standalone form in sentence case ("About 3 minutes left") and
 * an inline form for use after other text ("42%, about 3 minutes left"), because only a translator
 * knows how a phrase starts mid-sentence (German nouns keep their capital, for one).
 */
export const ETA_MESSAGE_KEYS = [
  'eta.estimating',
  'eta.lessThanMinute',
  'eta.remaining',
  'eta.estimating.inline',
  'eta.lessThanMinute.inline',
  'eta.remaining.inline',
] as const;
export type EtaMessageKey = (typeof ETA_MESSAGE_KEYS)[number];
export type EtaMessages = Pick<Messages, EtaMessageKey>;

/** `standalone` starts a sentence; `inline` follows other text, e.g. in `aria-valuetext`. */
export type EtaTextForm = 'standalone' | 'inline';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function duration(value: number, unit: 'minute' | 'hour' | 'day', locale: string | undefined): string {
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}

/**
 * An ETA in words: "Estimating…" while unknown, "Less than a minute left" under a minute, then "About
 * {duration} left" with the duration in the locale's words: whole minutes under an hour, hours to the
 * nearest half under 10 hours ("About 1.5 hours left"), whole hours under a day, then whole days.
 */
export function formatEta(
  ms: number | undefined,
  locale: string | undefined,
  messages: EtaMessages,
  form: EtaTextForm = 'standalone',
): string {
  const inline = form === 'inline';
  if (ms === undefined || !Number.isFinite(ms)) return messages[inline ? 'eta.estimating.inline' : 'eta.estimating'];
  if (ms < MINUTE) return messages[inline ? 'eta.lessThanMinute.inline' : 'eta.lessThanMinute'];
  const template = messages[inline ? 'eta.remaining.inline' : 'eta.remaining'];
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return formatMessage(template, { duration: duration(minutes, 'minute', locale) }, locale);
  const hours = ms / HOUR < 10 ? Math.round((ms / HOUR) * 2) / 2 : Math.round(ms / HOUR);
  if (hours < 24) return formatMessage(template, { duration: duration(hours, 'hour', locale) }, locale);
  return formatMessage(template, { duration: duration(Math.round(ms / DAY), 'day', locale) }, locale);
}
