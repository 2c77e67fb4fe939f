// Flatfile-shaped payloads as they travel over the wire (JSON: dates are ISO strings), modelled on the
// types of `@flatfile/api` 1.23.1 and the examples in Flatfile's docs. Shared by the adapter's tests and
// meant for stories: keep them realistic. `Wire<T>` checks each against Flatfile's own types.
import type { Flatfile } from '@flatfile/api';

/** A Flatfile type as JSON carries it: `Date`s become strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** A job on the wire. Flatfile's servers send more than the typed `Job`: `estimatedCompletionAt`, say. */
export type WireJob = Wire<Flatfile.Job> & { estimatedCompletionAt?: string };

export const ACCOUNT_ID = 'us_acc_9dF2kLm4';
export const ENVIRONMENT_ID = 'us_env_4xPq9Z2b';
export const SPACE_ID = 'us_sp_R8ns2Lq1';
export const WORKBOOK_ID = 'us_wb_Hx81kPq3';
export const SHEET_ID = 'us_sh_Zq3m8Lp0';
export const FILE_ID = 'us_fl_Jw2n6Tq5';
export const USER_ID = 'us_usr_7Kd2pQx8';
export const AGENT_ID = 'us_ag_3Lm9Vx2c';

const base = { environmentId: ENVIRONMENT_ID, spaceId: SPACE_ID, createdBy: USER_ID, managed: true } as const;

/** A foreground submit action, halfway through, with the ETA a listener sent with `ack`. */
export const submitExecuting = {
  ...base,
  id: 'us_jb_Sb4mT1xQ',
  type: 'workbook',
  operation: 'submitActionFg',
  source: WORKBOOK_ID,
  mode: 'foreground',
  trigger: 'immediate',
  status: 'executing',
  progress: 42,
  info: 'Sending 1,204 records to the CRM',
  input: { notify: true, channel: 'sales' },
  subject: { type: 'resource', id: WORKBOOK_ID },
  createdAt: '2025-03-04T10:00:00.000Z',
  updatedAt: '2025-03-04T10:00:21.000Z',
  startedAt: '2025-03-04T10:00:01.500Z',
  estimatedCompletionAt: '2025-03-04T10:00:50.000Z',
} satisfies WireJob;

/** A finished export whose outcome sends the user to the space's downloads (`next: id`). */
export const exportComplete = {
  ...base,
  id: 'us_jb_Ex7pK2wL',
  type: 'workbook',
  operation: 'export',
  source: WORKBOOK_ID,
  mode: 'foreground',
  trigger: 'immediate',
  status: 'complete',
  progress: 100,
  info: 'Export complete',
  config: { options: { filter: 'valid' } },
  outcome: {
    acknowledge: true,
    heading: 'Success!',
    message: 'Your export is ready. It will download automatically.',
    buttonText: 'Close',
    next: { type: 'id', id: SPACE_ID, path: 'files', query: 'mode=export', label: 'See all downloads' },
  },
  createdAt: '2025-03-04T09:40:00.000Z',
  updatedAt: '2025-03-04T09:41:10.000Z',
  startedAt: '2025-03-04T09:40:02.000Z',
  finishedAt: '2025-03-04T09:41:10.000Z',
} satisfies WireJob;

/** A sheet job whose outcome downloads a file (`next: download`), already acknowledged. */
export const downloadComplete = {
  ...base,
  id: 'us_jb_Dl3qR8nV',
  type: 'sheet',
  operation: 'downloadRejected',
  source: SHEET_ID,
  mode: 'foreground',
  status: 'complete',
  progress: 100,
  subject: { type: 'collection', resource: 'records', params: { sheetId: SHEET_ID }, query: { filter: 'error' } },
  outcome: {
    acknowledge: true,
    heading: 'Rejected records',
    message: '17 records were rejected.',
    next: {
      type: 'download',
      url: 'https://files.example.invalid/rejected.csv',
      fileName: 'rejected.csv',
      label: 'Download rejected records',
    },
  },
  createdAt: '2025-03-04T09:30:00.000Z',
  updatedAt: '2025-03-04T09:30:40.000Z',
  finishedAt: '2025-03-04T09:30:40.000Z',
  outcomeAcknowledgedAt: '2025-03-04T09:31:02.000Z',
} satisfies WireJob;

/** Files hosted by Flatfile, downloaded on acknowledge (`next: files`), in the background. */
export const filesComplete = {
  ...base,
  id: 'us_jb_Fs9wE4hM',
  type: 'workbook',
  operation: 'downloadWorkbook',
  source: WORKBOOK_ID,
  mode: 'background',
  status: 'complete',
  progress: 100,
  outcome: {
    message: 'The files should download automatically',
    next: { type: 'files', label: 'Download', files: [{ fileId: FILE_ID, label: 'contacts.xlsx' }] },
  },
  createdAt: '2025-03-04T09:20:00.000Z',
  updatedAt: '2025-03-04T09:20:30.000Z',
  finishedAt: '2025-03-04T09:20:30.000Z',
} satisfies WireJob;

/** A failed submit whose outcome offers "Try again" (`next: retry`) and a link (in `trigger`'s care). */
export const submitFailed = {
  ...base,
  id: 'us_jb_Fa2kD6pZ',
  type: 'workbook',
  operation: 'submitActionFg',
  source: WORKBOOK_ID,
  mode: 'foreground',
  status: 'failed',
  progress: 60,
  info: 'The CRM refused the request',
  outcome: {
    acknowledge: true,
    heading: 'Submit failed',
    message: 'The CRM refused the request: 401 Unauthorized',
    next: { type: 'retry', label: 'Try again' },
    trigger: { type: 'manual', audience: 'originator' },
  },
  createdAt: '2025-03-04T09:10:00.000Z',
  updatedAt: '2025-03-04T09:10:20.000Z',
  finishedAt: '2025-03-04T09:10:20.000Z',
} satisfies WireJob;

/** `next: url`, `wait`, `snapshot`, `view` and `clearFilters`, one job each. */
export const otherNextJobs = [
  { type: 'url', url: 'https://crm.example.invalid/imports/8812', label: 'Open in CRM' },
  { type: 'wait', fade: true, confetti: true },
  { type: 'snapshot', snapshotId: 'us_ss_Qm3n7Rt1', sheetId: SHEET_ID, label: 'Go to snapshot' },
  { type: 'view', sheetId: SHEET_ID, hiddenColumns: ['internalId', 'legacyCode'], label: 'Hide helper columns' },
  { type: 'clearFilters', sheetIds: [SHEET_ID], label: 'Clear filters' },
].map(
  (next, index) =>
    ({
      ...base,
      id: `us_jb_Nx${index}vB5yU`,
      type: 'sheet',
      operation: `next-${next.type}`,
      source: SHEET_ID,
      mode: 'foreground',
      status: 'complete',
      progress: 100,
      outcome: { acknowledge: true, heading: 'Done', message: `Outcome with next: ${next.type}`, next },
      createdAt: `2025-03-04T08:5${index}:00.000Z`,
      updatedAt: `2025-03-04T08:5${index}:30.000Z`,
      finishedAt: `2025-03-04T08:5${index}:30.000Z`,
    }) as WireJob,
);

/** A child part of a multi-part extraction, still planning, as Flatfile lists it under its parent. */
export const extractPart = {
  ...base,
  id: 'us_jb_Pt5cX0aE',
  type: 'file',
  operation: 'extract',
  source: FILE_ID,
  fileId: FILE_ID,
  mode: 'background',
  status: 'planning',
  progress: 0,
  parentId: 'us_jb_Pa1rE9nT',
  part: 2,
  partData: { rows: [5000, 9999] },
  partExecution: 'parallel',
  createdAt: '2025-03-04T10:01:00.000Z',
  updatedAt: '2025-03-04T10:01:00.000Z',
} satisfies WireJob;

/** What real servers also send: the docs' "cancelled" spelling, and progress past 100. */
export const cancelledSpelling: Record<string, unknown> = {
  ...base,
  id: 'us_jb_Cx8lL3dO',
  type: 'workbook',
  operation: 'dedupe',
  source: WORKBOOK_ID,
  status: 'cancelled',
  info: 'Canceled by user',
  createdAt: '2025-03-04T09:00:00.000Z',
  updatedAt: '2025-03-04T09:00:12.000Z',
};
export const progressOver100: Record<string, unknown> = {
  ...base,
  id: 'us_jb_Po1gR5sS',
  type: 'sheet',
  operation: 'enrich',
  source: SHEET_ID,
  status: 'executing',
  progress: 140,
  createdAt: '2025-03-04T09:05:00.000Z',
  updatedAt: '2025-03-04T09:05:30.000Z',
};

/** Every job above, newest first (Flatfile's default order). */
export const flatfileJobs: Record<string, unknown>[] = [
  extractPart,
  submitExecuting,
  exportComplete,
  downloadComplete,
  filesComplete,
  submitFailed,
  progressOver100,
  cancelledSpelling,
  ...otherNextJobs,
];

/** A `job:*` event as `GET /events` lists it. */
export function jobEvent(
  id: string,
  topic: Flatfile.EventTopic,
  job: { id: string; type: string; operation: string; status?: unknown; info?: string },
  createdAt: string,
): Wire<Flatfile.Event> & Record<string, unknown> {
  return {
    id,
    topic,
    domain: 'job',
    context: {
      accountId: ACCOUNT_ID,
      environmentId: ENVIRONMENT_ID,
      spaceId: SPACE_ID,
      workbookId: WORKBOOK_ID,
      jobId: job.id,
      actorId: USER_ID,
    },
    payload: {
      domain: job.type,
      operation: job.operation,
      job: `${job.type}:${job.operation}`,
      status: job.status,
      ...(job.info === undefined ? {} : { info: job.info }),
      isPart: false,
    },
    origin: { id: AGENT_ID },
    namespaces: ['workbook'],
    createdAt,
  } as Wire<Flatfile.Event> & Record<string, unknown>;
}

/** The life of `submitExecuting`, then an unrelated export, as the events list shows it. */
export const flatfileEvents = [
  jobEvent('us_evt_01Hq8a', 'job:created', { ...submitExecuting, status: 'created' }, '2025-03-04T10:00:00.100Z'),
  jobEvent('us_evt_01Hq8b', 'job:ready', { ...submitExecuting, status: 'ready' }, '2025-03-04T10:00:00.300Z'),
  jobEvent(
    'us_evt_01Hq8c',
    'job:updated',
    { ...submitExecuting, status: 'executing', info: 'Accepted' },
    '2025-03-04T10:00:01.500Z',
  ),
  jobEvent(
    'us_evt_01Hq8d',
    'job:updated',
    { ...submitExecuting, status: 'executing', info: 'Sending 1,204 records to the CRM' },
    '2025-03-04T10:00:21.000Z',
  ),
  jobEvent('us_evt_01Hq8e', 'job:completed', { ...exportComplete, status: 'complete' }, '2025-03-04T10:00:22.000Z'),
];

const validAction = {
  operation: 'submitActionFg',
  mode: 'foreground',
  label: 'Submit',
  description: 'Send the data to the CRM?',
  primary: true,
  constraints: [{ type: 'hasAllValid' }],
} satisfies Wire<Flatfile.Action>;

/** `GET /workbooks/{id}`: two workbook actions, and one that is malformed (no label). */
export const flatfileWorkbook = {
  id: WORKBOOK_ID,
  name: 'Contacts',
  spaceId: SPACE_ID,
  environmentId: ENVIRONMENT_ID,
  labels: ['primary'],
  settings: { trackChanges: true },
  actions: [
    validAction,
    {
      operation: 'downloadWorkbook',
      mode: 'background',
      label: 'Download',
      icon: 'download',
      inputForm: {
        type: 'simple',
        fields: [
          {
            key: 'format',
            label: 'Format',
            type: 'enum',
            config: {
              options: [
                { value: 'csv', label: 'CSV' },
                { value: 'xlsx', label: 'Excel' },
              ],
            },
            constraints: [{ type: 'required' }],
          },
        ],
      },
    },
    { operation: 'broken', mode: 'foreground' },
  ],
  createdAt: '2025-03-01T12:00:00.000Z',
  updatedAt: '2025-03-04T09:00:00.000Z',
} as Wire<Flatfile.Workbook>;

/** `GET /sheets/{id}`: a sheet action, a field with actions, a field without, a malformed field action. */
export const flatfileSheet = {
  id: SHEET_ID,
  workbookId: WORKBOOK_ID,
  name: 'Contacts',
  slug: 'contacts',
  config: {
    name: 'Contacts',
    slug: 'contacts',
    actions: [
      { operation: 'dedupe', mode: 'background', label: 'Remove duplicates', constraints: [{ type: 'hasData' }] },
    ],
    fields: [
      {
        key: 'email',
        type: 'string',
        label: 'Email',
        actions: [
          { operation: 'normalizeEmail', label: 'Normalize', constraints: [{ type: 'hasColumnEnabled' }] },
          { label: 42 },
        ],
      },
      { key: 'name', type: 'string', label: 'Name' },
    ],
  },
  createdAt: '2025-03-01T12:00:00.000Z',
  updatedAt: '2025-03-04T09:00:00.000Z',
} as Wire<Flatfile.Sheet>;

/** `GET /spaces/{id}`. */
export const flatfileSpace = {
  id: SPACE_ID,
  name: 'Acme onboarding',
  environmentId: ENVIRONMENT_ID,
  guestAuthentication: ['magic_link'],
  actions: [{ operation: 'archive', label: 'Archive space', confirm: true, description: 'Archive this space?' }],
  createdAt: '2025-03-01T12:00:00.000Z',
  updatedAt: '2025-03-04T09:00:00.000Z',
} as Wire<Flatfile.Space>;

/**
 * A workbook with a long history: `finished` completed exports (no outcome to show), each created after
 * the one foreground submit that is still running (when `running`), so the running job sits behind all
 * of them in a newest-first list. Flatfile's `GET /jobs` cannot filter by status: this is the case where
 * a lookup of one page, or of the oldest jobs, finds nothing running.
 */
export function workbookWithHistory(finished: number, { running = true } = {}): WireJob[] {
  const start = Date.parse('2025-03-04T08:00:00.000Z');
  const stamp = (ms: number) => new Date(start + ms).toISOString();
  const jobs: WireJob[] = [];
  if (running)
    jobs.push({
      ...submitExecuting,
      createdAt: stamp(0),
      startedAt: stamp(1000),
      updatedAt: stamp(finished * 60_000 + 30_000),
    });
  for (let index = 0; index < finished; index += 1) {
    const { outcome: _, ...done } = exportComplete;
    const createdAt = stamp((index + 1) * 60_000);
    const finishedAt = stamp((index + 1) * 60_000 + 20_000);
    jobs.push({
      ...done,
      id: `us_jb_Done${String(index).padStart(5, '0')}`,
      mode: 'background',
      createdAt,
      startedAt: createdAt,
      updatedAt: finishedAt,
      finishedAt,
    });
  }
  return jobs;
}
