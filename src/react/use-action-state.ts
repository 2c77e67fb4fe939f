import {
  type Action,
  type ActionContextState,
  type ActionEnablement,
  actionEnablement,
  actionOperation,
  blocks,
  type Job,
  type JobType,
} from '../core';
import { type JobsConfigContextValue, useJobsConfig } from './context';
import { useActiveSourceJobs } from './use-source-jobs';

export interface ActionTarget {
  /** The job's domain (`workbook`, `sheet`, `file`...; field actions run as `sheet`). */
  domain: JobType;
  /** Id of the file, workbook, sheet or document the job acts on. */
  source: string;
}

export interface ActionStateResult extends ActionEnablement {
  /** Why the action is disabled, in words; undefined while it is enabled. */
  reasonText: string | undefined;
  /** What to show on hover and focus: the reason it is disabled, else its tooltip and info messages. */
  tooltip: string | undefined;
}

/**
 * Whether `action` can run now, and what to tell the user: its `error` messages and constraints against
 * `state`, plus the jobs running on `target.source` (a foreground or toolbarBlocking job there, or this
 * action's own job still running, disables it).
 */
export function useActionState(
  action: Action,
  state: ActionContextState = {},
  target?: ActionTarget,
): ActionStateResult {
  const config = useJobsConfig('useActionState');
  const jobs = useActiveSourceJobs(target?.source);
  return describeActionState(action, state, target, jobs, config);
}

/** `useActionState` without the hooks: for a set of actions on one source, read its jobs once. */
export function describeActionState(
  action: Action,
  state: ActionContextState,
  target: ActionTarget | undefined,
  jobs: readonly Pick<Job, 'type' | 'operation' | 'mode'>[],
  { t, translate, jobLabel }: Pick<JobsConfigContextValue, 't' | 'translate' | 'jobLabel'>,
): ActionStateResult {
  const blocker = jobs.find((job) => blocks(job.mode, 'toolbar'));
  const operation = actionOperation(action);
  const running = target !== undefined && jobs.some((job) => job.type === target.domain && job.operation === operation);
  const enablement = actionEnablement(action, state, {
    ...(blocker === undefined ? {} : { blockingJobLabel: jobLabel(blocker) }),
    running,
  });
  const { reason } = enablement;
  let reasonText: string | undefined;
  if (reason?.kind === 'message') reasonText = translate(reason.content);
  else if (reason?.kind === 'constraint') reasonText = t(`action.disabled.${reason.constraint}`);
  else if (reason?.kind === 'committing') reasonText = t('action.disabled.committing');
  else if (reason?.kind === 'blocked') reasonText = t('action.disabled.blocked', { job: reason.jobLabel });
  else if (reason?.kind === 'running') reasonText = t('action.disabled.running');
  const info = enablement.info.map(translate);
  const schedule =
    action.schedule === 'hourly' || action.schedule === 'daily' || action.schedule === 'weekly'
      ? t(`action.schedule.${action.schedule}`)
      : undefined;
  const hints = [typeof action.tooltip === 'string' ? translate(action.tooltip) : undefined, ...info, schedule].filter(
    Boolean,
  );
  const tooltip = reasonText ?? (hints.length > 0 ? hints.join('\n') : undefined);
  return { ...enablement, info, reasonText, tooltip };
}
