import { useCallback, useRef } from 'react';
import { type Action, actionJobConfig, actionOperation, type Job, type JobsError, type JobSubject } from '../core';
import { requestNotificationPermission } from '../store';
import { useJobsConfig } from './context';
import type { ActionTarget } from './use-action-state';
import { useCreateJob } from './use-create-job';
import { useHiddenTab } from './use-hidden-tab';

export interface RunActionTarget extends ActionTarget {
  /** What the job acts on; a function is read at the moment the job is created (the current selection). */
  subject?: JobSubject | (() => JobSubject | undefined);
}

export interface RunActionResult {
  /**
   * Creates the action's job with `input` as `job.input`. While a creation is in flight, further calls
   * return the same promise: a double click or a double Enter starts one job.
   */
  run(input?: Record<string, unknown>): Promise<Job>;
  isPending: boolean;
  error: JobsError | null;
  /** The job the last run created. */
  job: Job | undefined;
  reset(): void;
}

/**
 * Starts jobs from an action: the JobConfig is `target.domain:action.operation` on `target.source`. The jobs
 * it starts are the user's: their ends are told while the tab is hidden (the title; a notification when the
 * host opted in, permission being asked on the first run, once per provider).
 */
export function useRunAction(action: Action, target: RunActionTarget): RunActionResult {
  const create = useCreateJob();
  const { rememberActionLabel, notifications } = useJobsConfig('useRunAction');
  const tab = useHiddenTab('useRunAction');
  const inFlight = useRef<Promise<Job> | null>(null);
  const latest = useRef({ action, target });
  latest.current = { action, target };
  const { mutateAsync } = create;

  const run = useCallback(
    (input?: Record<string, unknown>) => {
      if (inFlight.current !== null) return inFlight.current;
      const { action: current, target: to } = latest.current;
      // Run from a click: the moment a browser lets a page ask (the job may end while the tab is hidden).
      // Once per provider: a prompt dismissed on one click is not pushed at the user on every job.
      if (notifications() && !tab.asked) {
        tab.asked = true;
        void requestNotificationPermission().catch(() => undefined);
      }
      const subject = typeof to.subject === 'function' ? to.subject() : to.subject;
      const config = actionJobConfig(
        current,
        { domain: to.domain, source: to.source, ...(subject ? { subject } : {}) },
        input,
      );
      if (typeof current.label === 'string')
        rememberActionLabel(`${to.domain}:${actionOperation(current)}`, current.label);
      const promise = mutateAsync(config).finally(() => {
        inFlight.current = null;
      });
      inFlight.current = promise;
      return promise;
    },
    [mutateAsync, rememberActionLabel, notifications, tab],
  );

  return { run, isPending: create.isPending, error: create.error, job: create.data, reset: create.reset };
}
