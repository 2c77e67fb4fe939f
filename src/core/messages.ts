import type { JobStatus } from './job';
import { isKnownStatus } from './status';

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
  'progress.valueText': '{percent}, {eta}',
  'action.moreActions': 'More actions',
  'action.starting': 'Starting…',
  'action.startFailed': 'Could not start “{label}”: {error}',
  'action.retry': 'Try again',
  'action.dismiss': 'Dismiss',
  'action.disabled.hasAllValid': 'Fix the invalid records first.',
  'action.disabled.hasSelection': 'Select at least one record first.',
  'action.disabled.hasData': 'There are no records yet.',
  'action.disabled.hasColumnEnabled': 'This column is disabled or read-only.',
  'action.disabled.committing': 'Wait until your changes are saved.',
  'action.disabled.blocked': 'Wait until “{job}” finishes.',
  'action.disabled.running': 'This action is already running.',
  'action.schedule.hourly': 'Also runs every hour.',
  'action.schedule.daily': 'Also runs every day.',
  'action.schedule.weekly': 'Also runs every week.',
  'action.guardrail': 'Before you continue',
  'announce.started': '{label} started.',
  'announce.progress': '{label}: {percent} done.',
  'announce.complete': '{label} finished.',
  'announce.failed': '{label} failed. {info}',
  'announce.canceled': '{label} was canceled.',
  'overlay.more': 'and {count} more',
  'overlay.cancel': 'Cancel',
  'overlay.canceling': 'Canceling…',
  'overlay.cancelFailed': 'Could not cancel “{label}”: {error}',
  'overlay.stalled': 'No progress for {duration}.',
  'overlay.stopWaiting': 'Stop waiting',
  'overlay.released': '“{label}” keeps running; follow it in the jobs panel.',
  'overlay.lost': '“{label}” can no longer be found. You can carry on.',
  'overlay.unreachable': 'Lost contact with “{label}”. You can carry on; it may still be running.',
  'overlay.failed': '“{label}” failed. {info}',
  'overlay.dismiss': 'Dismiss',
  'confirm.defaultDescription': 'Do you want to run “{label}”?',
  'confirm.confirm': 'Continue',
  'confirm.cancel': 'Cancel',
  'confirm.pending': 'Starting…',
  'form.submit': 'Continue',
  'form.cancel': 'Cancel',
  'form.pending': 'Starting…',
  'form.required': 'Required',
  'form.error.required': 'Enter a value for “{field}”.',
  'form.error.requiredChoice': 'Choose an option for “{field}”.',
  'form.error.number': '“{field}” must be a number.',
  'form.error.summary': 'Check the highlighted fields.',
  'form.choose': 'Choose…',
  'form.yes': 'Yes',
  'form.no': 'No',
  // eta
  'eta.estimating': 'Estimating…',
  'eta.lessThanMinute': 'Less than a minute left',
  'eta.remaining': 'About {duration} left',
  'eta.estimating.inline': 'estimating…',
  'eta.lessThanMinute.inline': 'less than a minute left',
  'eta.remaining.inline': 'about {duration} left',
  // outcome
  'outcome.heading.complete': '{label} finished',
  'outcome.heading.failed': '{label} failed',
  'outcome.close': 'Close',
  'outcome.closing': 'Closing…',
  'outcome.working': 'Working…',
  'outcome.ackFailed': 'Could not record that you saw this: {error}',
  'outcome.nextFailed': 'Could not finish “{label}”: {error}',
  'outcome.blocked': 'The link was blocked because it is not a safe web address.',
  'outcome.noFileResolver': 'These files cannot be downloaded here: the app has no way to fetch them.',
  'outcome.newTab': '(opens in a new tab)',
  'outcome.next.id': 'Open',
  'outcome.next.url': 'Open link',
  'outcome.next.download': 'Download',
  'outcome.next.files': 'Download files',
  'outcome.next.snapshot': 'View snapshot',
  'outcome.next.retry': 'Try again',
  'outcome.next.view': 'Update view',
  'outcome.next.clearFilters': 'Clear filters',
  'notice.region': 'Job notifications',
  'notice.complete': '{label} finished.',
  'notice.failed': '{label} failed.',
  'notice.retry': 'Retry',
  'notice.retrying': 'Retrying…',
  'notice.retryFailed': 'Could not retry: {error}',
  'notice.dismiss': 'Dismiss',
  // panel
  'panel.title': 'Jobs',
  'panel.counts': '{total} total, {active} active',
  'panel.filter': 'Show',
  'panel.filter.all': 'All',
  'panel.filter.active': 'Active',
  'panel.filter.finished': 'Finished',
  'panel.filter.failed': 'Failed',
  'panel.operation': 'Operation',
  'panel.operation.all': 'All operations',
  'panel.loading': 'Loading jobs…',
  'panel.loadingMore': 'Loading more jobs…',
  'panel.loadFailed': 'Could not load jobs: {error}',
  'panel.empty': 'No jobs yet.',
  'panel.emptyFiltered': 'No jobs match these filters.',
  'panel.part': '{label}, part {part}',
  'panel.created': 'Created {time}',
  'panel.started': 'Started {time}',
  'panel.finished': 'Finished {time}',
  'panel.timeRange': '{started} · {finished}',
  'panel.cancel': 'Cancel',
  'panel.canceling': 'Canceling…',
  'panel.cancelFailed': 'Could not cancel: {error}',
  'panel.retry': 'Retry',
  'panel.retrying': 'Retrying…',
  'panel.retryFailed': 'Could not retry: {error}',
  'panel.viewOutcome': 'View outcome',
  'panel.indicator': 'Jobs',
  'panel.indicator.active': '{count} running',
  'panel.indicator.more': '{count}+',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof defaultMessages;
export type Messages = Record<MessageKey, string>;

/** A value as text; empty when it cannot be turned into text (its `toString` throws). */
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** Fills `{name}` placeholders in `template` from `values`; unknown placeholders stay as written. */
export function formatMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? text(values[name]) : match));
}

/**
 * The message key for a status; unknown statuses share one. Read from the status list, not the
 * catalogue, so a part that labels statuses does not bundle every message with it.
 */
export function statusMessageKey(status: JobStatus | (string & {})): MessageKey {
  return isKnownStatus(status) ? `status.${status}` : 'status.unknown';
}
