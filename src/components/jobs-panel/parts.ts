import { isActive, type Job } from '../../core';
import { partGetter as slotGetter } from '../shared';

/** The parts of a jobs panel, for `classNames`; each renders with `data-slot="jobs-panel-{part}"` (`jobs-panel` for `root`). */
export type JobsPanelPart =
  | 'root'
  | 'header'
  | 'title'
  | 'counts'
  | 'filters'
  | 'filter'
  | 'operation'
  | 'search'
  | 'state'
  | 'viewport'
  | 'list'
  | 'row'
  | 'summary'
  | 'label'
  | 'status'
  | 'progress'
  | 'details'
  | 'info'
  | 'eta'
  | 'times'
  | 'error'
  | 'actions'
  | 'cancel'
  | 'retry'
  | 'outcome'
  | 'footer';

export interface JobsPanelPartProps {
  'data-slot': string;
  'data-unstyled': '' | undefined;
  className: string | undefined;
}

/** The attributes of one part: its slot, `data-unstyled`, and the host's class for it. */
export type JobsPanelPartGetter = (name: JobsPanelPart) => JobsPanelPartProps;

export function partGetter(
  classNames: Partial<Record<JobsPanelPart, string>>,
  unstyled: boolean | undefined,
): JobsPanelPartGetter {
  return slotGetter<JobsPanelPart>('jobs-panel', { root: 'jobs-panel' }, classNames, unstyled);
}

/** What a row shows of its job: it re-renders when one of these changes, and for nothing else. */
export interface JobsPanelJob
  extends Pick<
    Job,
    | 'id'
    | 'type'
    | 'operation'
    | 'status'
    | 'mode'
    | 'progress'
    | 'info'
    | 'part'
    | 'parentId'
    | 'createdAt'
    | 'startedAt'
    | 'finishedAt'
  > {
  hasOutcome: boolean;
}

/** The `select` rows read their job with. */
export function selectPanelJob(job: Job): JobsPanelJob {
  return {
    id: job.id,
    type: job.type,
    operation: job.operation,
    status: job.status,
    mode: job.mode,
    progress: job.progress,
    info: job.info,
    part: job.part,
    parentId: job.parentId,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    hasOutcome: job.outcome !== undefined,
  };
}

/**
 * The `select` of rows drawn by the default `JobsPanelRow`: an active job's `progress` and `info` left
 * out, since its body reads them itself (`useJobProgress`). A progress tick then renders that body
 * alone, not the item and the whole row around it.
 */
export function selectDefaultRowJob(job: Job): JobsPanelJob {
  const selected = selectPanelJob(job);
  if (!isActive(job.status)) return selected;
  selected.progress = undefined;
  selected.info = undefined;
  return selected;
}
