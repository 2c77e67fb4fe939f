import type { Job } from './job';
import type { MessageKey } from './messages';
import type {
  JobOutcome,
  JobOutcomeNext,
  JobOutcomeNextId,
  JobOutcomeNextType,
  JobOutcomeTriggerAudience,
  JobOutcomeTriggerType,
} from './outcome';
import { safeUrl } from './safe-url';
import { devWarn } from './dev';
import { needsAcknowledgement } from './status';

/** The `next` variants the kit knows, in Flatfile's order. */
export const OUTCOME_NEXT_TYPES = [
  'id',
  'url',
  'download',
  'files',
  'wait',
  'snapshot',
  'retry',
  'view',
  'clearFilters',
] as const satisfies readonly JobOutcomeNextType[];

/** `outcome.trigger` in one shape. */
export interface OutcomeTrigger {
  type: JobOutcomeTriggerType;
  audience: JobOutcomeTriggerAudience;
}

const triggerTypes = new Set<string>(['manual', 'automatic', 'automatic_silent']);

/**
 * `outcome.trigger` read as `{ type, audience }`, from its string or object form. Missing or unknown:
 * `manual`; the audience defaults to `all`.
 */
export function outcomeTrigger(outcome: Pick<JobOutcome, 'trigger'> | undefined): OutcomeTrigger {
  const trigger: unknown = outcome?.trigger;
  if (typeof trigger === 'string') {
    return { type: triggerTypes.has(trigger) ? (trigger as JobOutcomeTriggerType) : 'manual', audience: 'all' };
  }
  if (typeof trigger === 'object' && trigger !== null) {
    const { type, audience } = trigger as { type?: unknown; audience?: unknown };
    return {
      type: typeof type === 'string' && triggerTypes.has(type) ? (type as JobOutcomeTriggerType) : 'manual',
      audience: audience === 'originator' ? 'originator' : 'all',
    };
  }
  return { type: 'manual', audience: 'all' };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/**
 * Whether `next` is a variant the kit knows, with the fields that variant needs (`id` needs an id, `url`
 * and `download` a url, `files` a list of `{ fileId }`...). Anything else is ignored by the UI.
 */
export function isKnownNext(next: unknown): next is JobOutcomeNext {
  if (typeof next !== 'object' || next === null || Array.isArray(next)) return false;
  const value = next as Record<string, unknown>;
  if (!isOptionalString(value.label)) return false;
  switch (value.type) {
    case 'id':
      return isNonEmpty(value.id) && isOptionalString(value.path) && isOptionalString(value.query);
    case 'url':
      return isString(value.url);
    case 'download':
      return isString(value.url) && isOptionalString(value.fileName);
    case 'files':
      return (
        Array.isArray(value.files) &&
        value.files.length > 0 &&
        value.files.every(
          (file: unknown) =>
            typeof file === 'object' && file !== null && isNonEmpty((file as { fileId?: unknown }).fileId),
        )
      );
    case 'wait':
    case 'retry':
      return true;
    case 'snapshot':
      return isNonEmpty(value.snapshotId) && isNonEmpty(value.sheetId);
    case 'view':
      return isNonEmpty(value.sheetId) && isStringArray(value.hiddenColumns);
    case 'clearFilters':
      return value.sheetIds === undefined || isStringArray(value.sheetIds);
    default:
      return false;
  }
}

/** Whether `next` gets a button of its own. `wait` has none: it changes how the dialog closes. */
export function hasNextButton(next: JobOutcomeNext | undefined): next is Exclude<JobOutcomeNext, { type: 'wait' }> {
  return next !== undefined && next.type !== 'wait';
}

/**
 * The text of the `next` button: its `label` (through `translate`, as Flatfile labels may be translation
 * keys), else the catalogue's word for the variant (`outcome.next.<type>`). Undefined when there is no
 * button (`wait`, none).
 */
export function nextLabel(
  next: JobOutcomeNext | undefined,
  t: (key: MessageKey) => string,
  translate: (text: string) => string = (text) => text,
): string | undefined {
  if (!hasNextButton(next)) return undefined;
  const label = 'label' in next && typeof next.label === 'string' && next.label.trim() !== '' ? next.label : undefined;
  return label === undefined ? t(`outcome.next.${next.type}`) : translate(label);
}

/** One path segment, encoded; `.` and `..` are dropped so a path cannot climb out of the space. */
function segments(path: string): string[] {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .map((part) => encodeURIComponent(decodeSafely(part)));
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The relative path an `id` outcome points to, as Flatfile documents it: `space/<id>/<path>?<query>`
 * (e.g. `space/us_sp_1/files?mode=export`). Segments are URL-encoded; a query's leading `?` is optional,
 * and a fragment in it is dropped.
 */
export function idTargetPath(next: Pick<JobOutcomeNextId, 'id' | 'path' | 'query'>): string {
  const path = ['space', ...segments(next.id), ...segments(next.path ?? '')].join('/');
  const query = (next.query ?? '').replace(/^\?+/, '').split('#')[0] ?? '';
  return query === '' ? path : `${path}?${query}`;
}

/** One outcome of a job: a retried job that ends again has a new one. */
export function outcomeKey(job: Pick<Job, 'id' | 'finishedAt'>): string {
  return `${job.id}:${job.finishedAt?.getTime() ?? ''}`;
}

/** Who is looking: the provider's user, and whether this provider started (or acted on) the job. */
export interface OutcomeViewer {
  currentUserId: string | undefined;
  started: boolean;
}

/** A job this user started: one this provider started, or one created by the current user. */
export function isUsersJob(job: Pick<Job, 'createdBy'>, viewer: OutcomeViewer): boolean {
  return viewer.started || (viewer.currentUserId !== undefined && job.createdBy === viewer.currentUserId);
}

/**
 * Whether the viewer is the job's originator: its `createdBy` when the provider knows the user, else
 * whether this provider started it.
 */
export function isOriginator(job: Pick<Job, 'createdBy'>, viewer: OutcomeViewer): boolean {
  return viewer.currentUserId === undefined ? viewer.started : job.createdBy === viewer.currentUserId;
}

/**
 * The trigger that applies for this viewer: `automatic` and `automatic_silent` only for their audience
 * (`originator` limits them to the job's creator), otherwise `manual`. A `retry` never runs on its own (a
 * job failing again would retry forever), nor does an outcome without a known `next`.
 */
export function effectiveTrigger(
  job: Pick<Job, 'createdBy' | 'outcome'>,
  viewer: OutcomeViewer,
): JobOutcomeTriggerType {
  const { type, audience } = outcomeTrigger(job.outcome);
  if (type === 'manual') return 'manual';
  if (audience === 'originator' && !isOriginator(job, viewer)) return 'manual';
  const next = job.outcome?.next;
  if (!isKnownNext(next) || next.type === 'retry') return 'manual';
  return type;
}

/**
 * Whether a job that just ended is told with a notice rather than a dialog: a complete or failed
 * `background` job (or one without a mode, which runs in the background) whose outcome does not ask to
 * be acknowledged in a dialog. Hidden jobs never are.
 */
export function endsWithNotice(job: Job): boolean {
  if (job.status !== 'complete' && job.status !== 'failed') return false;
  if (job.mode !== 'background' && job.mode !== undefined) return false;
  return !needsAcknowledgement(job);
}

/** The text a failed job gives for its failure: its outcome's message, else its `info`. */
export function failureMessage(job: Pick<Job, 'outcome' | 'info'>): string | undefined {
  const message = job.outcome?.message ?? job.info;
  return message === undefined || message.trim() === '' ? undefined : message;
}

/** How carrying out a `next` action went. `blocked`: a link was refused by `safeUrl`. */
export type NextResult = { status: 'done' } | { status: 'blocked' | 'failed'; message: string };

/** What carrying out a `next` action needs from its surroundings: the effects, given (no DOM here). */
export interface NextActionHost {
  t(key: MessageKey): string;
  /** The host's in-app navigation; without it, `assign` goes to the relative `idTargetPath`. */
  navigate: ((target: Pick<JobOutcomeNextId, 'id' | 'path' | 'query'>) => void) | undefined;
  /** Goes to `path` in the current tab (or frame): `id` without `navigate`, and `url` with `replace`. */
  assign(path: string): void;
  openInNewTab(url: string): void;
  download(target: { url: string; fileName?: string }): void;
  resolveFileUrl: ((fileId: string) => string | Promise<string>) | undefined;
  retry(jobId: string): Promise<unknown>;
  handlers: {
    onSnapshot?(target: { snapshotId: string; sheetId: string }): void;
    onView?(target: { sheetId: string; hiddenColumns: string[] }): void;
    onClearFilters?(target: { sheetIds: string[] | undefined }): void;
  };
}

const done: NextResult = { status: 'done' };

/**
 * Carries out `next` for `jobId`, every URL through `safeUrl` first. Synchronous up to the link it follows
 * (a new tab needs the user's click): only `files` with an asynchronous resolver and `retry` wait. A
 * missing host handler warns in development and counts as done. Throws what the host's effects throw.
 */
export async function performNext(jobId: string, next: JobOutcomeNext, host: NextActionHost): Promise<NextResult> {
  const blocked: NextResult = { status: 'blocked', message: host.t('outcome.blocked') };
  const missing = (name: string) => {
    if (process.env.NODE_ENV !== 'production')
      devWarn(`outcome next "${next.type}" needs the ${name} prop on JobsProvider; the dialog just closes.`);
    return done;
  };
  const { handlers } = host;
  switch (next.type) {
    case 'id': {
      const target = {
        id: next.id,
        ...(next.path === undefined ? {} : { path: next.path }),
        ...(next.query === undefined ? {} : { query: next.query }),
      };
      if (host.navigate) host.navigate(target);
      else {
        const path = safeUrl(idTargetPath(target));
        if (path === undefined) return blocked;
        host.assign(path);
      }
      return done;
    }
    case 'url': {
      const url = safeUrl(next.url);
      if (url === undefined) return blocked;
      // Only a real `true` replaces the app: anything else keeps it and opens a new tab.
      if (next.replace === true) host.assign(url);
      else host.openInNewTab(url);
      return done;
    }
    case 'download': {
      const url = safeUrl(next.url);
      if (url === undefined) return blocked;
      host.download(next.fileName === undefined ? { url } : { url, fileName: next.fileName });
      return done;
    }
    case 'files': {
      const resolve = host.resolveFileUrl;
      if (resolve === undefined) return { status: 'failed', message: host.t('outcome.noFileResolver') };
      const urls = await Promise.all(next.files.map(async (file) => safeUrl(await resolve(file.fileId))));
      if (urls.some((url) => url === undefined)) return blocked;
      next.files.forEach((file, i) => {
        host.download(
          file.label === undefined ? { url: urls[i] as string } : { url: urls[i] as string, fileName: file.label },
        );
      });
      return done;
    }
    case 'retry':
      await host.retry(jobId);
      return done;
    case 'snapshot':
      if (!handlers.onSnapshot) return missing('onSnapshot');
      handlers.onSnapshot({ snapshotId: next.snapshotId, sheetId: next.sheetId });
      return done;
    case 'view':
      if (!handlers.onView) return missing('onView');
      handlers.onView({ sheetId: next.sheetId, hiddenColumns: [...next.hiddenColumns] });
      return done;
    case 'clearFilters':
      if (!handlers.onClearFilters) return missing('onClearFilters');
      handlers.onClearFilters({ sheetIds: next.sheetIds === undefined ? undefined : [...next.sheetIds] });
      return done;
    default:
      return done; // `wait`: nothing to do but close
  }
}
