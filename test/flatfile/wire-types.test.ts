// @vitest-environment node
// Wire compatibility, proven by the compiler: Flatfile's own types (from `@flatfile/api`, a development
// dependency only: `import type` leaves nothing at run time) are accepted where the kit's model is
// expected. `npx tsc -p tsconfig.json --noEmit` fails when one stops fitting.
import type { Flatfile } from '@flatfile/api';
import { describe, expect, expectTypeOf, it } from 'vitest';

import type {
  Action,
  ActionConstraint,
  ActionMount,
  InputForm,
  Job,
  JobConfig,
  JobMode,
  JobOutcome,
  JobOutcomeNext,
  JobOutcomeTrigger,
  JobStatus,
  JobSubject,
  JobType,
  Pagination,
} from '../../src/core';

/** A job as Flatfile's API answers it: the typed `Job` leaves `status` optional (it comes from `JobConfig`). */
type AnsweredJob = Flatfile.Job & { status: Flatfile.JobStatus };

// Each function compiles only if its parameter is assignable to its return type.
const asJob = (job: AnsweredJob): Job => job;
const asJobConfig = (config: Flatfile.JobConfig): JobConfig => config;
const asOutcome = (outcome: Flatfile.JobOutcome): JobOutcome => outcome;
const asNext = (next: Flatfile.JobOutcomeNext): JobOutcomeNext => next;
const asTrigger = (trigger: Flatfile.JobOutcomeTrigger): JobOutcomeTrigger => trigger;
const asSubject = (subject: Flatfile.JobSubject): JobSubject => subject;
const asAction = (action: Flatfile.Action): Action => action;
const asApiAction = (action: Flatfile.ApiAction): Action => action;
const asConstraint = (constraint: Flatfile.ActionConstraint): ActionConstraint => constraint;
const asMount = (mount: Flatfile.ActionMount): ActionMount => mount;
const asInputForm = (form: Flatfile.InputForm): InputForm => form;
const asPagination = (pagination: Flatfile.Pagination): Pagination => pagination;
const asJobs = (
  response: Flatfile.ListJobsResponse & { data: AnsweredJob[] },
): { data: Job[]; pagination?: Pagination } => response;

// The enumerations are the same sets both ways.
const statusesBothWays = [(s: Flatfile.JobStatus): JobStatus => s, (s: JobStatus): Flatfile.JobStatus => s];
const modesBothWays = [(m: Flatfile.JobMode): JobMode => m, (m: JobMode): Flatfile.JobMode => m];
const typesBothWays = [(t: Flatfile.JobType): JobType => t, (t: JobType): Flatfile.JobType => t];

// The one gap, kept on purpose: the kit's `Job` always has a status (`normalizeJob` reads a missing one as
// `created`), so a typed `Flatfile.Job` without one goes through `normalizeJob` first.
// @ts-expect-error `status` is optional on Flatfile.Job and required on the kit's Job
const typedJobWithoutStatus = (job: Flatfile.Job): Job => job;

describe('Flatfile’s types fit the kit’s model', () => {
  it('jobs, configs, outcomes, actions and their parts are assignable (checked by tsc)', () => {
    expectTypeOf<Flatfile.JobOutcome>().toExtend<JobOutcome>();
    expectTypeOf<Flatfile.JobOutcomeNext>().toExtend<JobOutcomeNext>();
    expectTypeOf<Flatfile.JobStatus>().toEqualTypeOf<JobStatus>();
    expectTypeOf<Flatfile.JobMode>().toEqualTypeOf<JobMode>();
    expectTypeOf<Flatfile.JobType>().toEqualTypeOf<JobType>();
    expectTypeOf<Flatfile.ActionMode>().toExtend<Action['mode']>();
    expectTypeOf<Flatfile.Pagination>().toEqualTypeOf<Pagination>();
    const checks = [
      asJob,
      asJobConfig,
      asOutcome,
      asNext,
      asTrigger,
      asSubject,
      asAction,
      asApiAction,
      asConstraint,
      asMount,
      asInputForm,
      asPagination,
      asJobs,
      ...statusesBothWays,
      ...modesBothWays,
      ...typesBothWays,
      typedJobWithoutStatus,
    ];
    expect(checks.every((check) => typeof check === 'function')).toBe(true);
  });

  it('a Flatfile outcome with every `next` variant is a kit outcome as it is', () => {
    const next: Flatfile.JobOutcomeNext[] = [
      { type: 'id', id: 'us_sp_1', path: 'files', query: 'mode=export', label: 'See all downloads' },
      { type: 'url', url: 'https://example.invalid/report', label: 'Open report' },
      { type: 'download', url: 'https://example.invalid/a.csv', fileName: 'a.csv' },
      { type: 'files', files: [{ fileId: 'us_fl_1', label: 'Export' }] },
      { type: 'wait', fade: true, confetti: true },
      { type: 'snapshot', snapshotId: 'us_ss_1', sheetId: 'us_sh_1' },
      { type: 'retry', label: 'Try again' },
      { type: 'view', sheetId: 'us_sh_1', hiddenColumns: ['email'] },
      { type: 'clearFilters', sheetIds: ['us_sh_1'] },
    ];
    const outcomes: JobOutcome[] = next.map(
      (entry) =>
        ({
          acknowledge: true,
          heading: 'Done',
          next: entry,
          trigger: { type: 'manual', audience: 'originator' },
        }) satisfies Flatfile.JobOutcome,
    );
    expect(outcomes.map((outcome) => outcome.next?.type)).toEqual([
      'id',
      'url',
      'download',
      'files',
      'wait',
      'snapshot',
      'retry',
      'view',
      'clearFilters',
    ]);
  });
});
