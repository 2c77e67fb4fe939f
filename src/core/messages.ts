import type { JobStatus } from './job';

/**
 * Every string the kit shows, in English. A host overrides any of them on the provider; `{name}`
 * placeholders are filled by `formatMessage`.
 */
export const defaultMessages = {
  'status.created': 'Created',
  'status.planning': 'Planning',
  'status.scheduled': 'Scheduled',
  'status.ready': 'Queued',
  'status.executing': 'Running',
  'status.complete': 'Complete',
  'status.failed': 'Failed',
  'status.canceled': 'Canceled',
  'status.waiting': 'Waiting',
  'status.unknown': 'Unknown status ({status})',
  'job.untitled': 'Job',
  'progress.label': 'Progress',
  'progress.indeterminate': 'In progress',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof defaultMessages;
export type Messages = Record<MessageKey, string>;

/** Fills `{name}` placeholders in `template` from `values`; unknown placeholders stay as written. */
export function formatMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}

/** The message key for a status; unknown statuses share one. */
export function statusMessageKey(status: JobStatus | (string & {})): MessageKey {
  const key = `status.${status}`;
  return key in defaultMessages && key !== 'status.unknown' ? (key as MessageKey) : 'status.unknown';
}
