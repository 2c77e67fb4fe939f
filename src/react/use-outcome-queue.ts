import { useEffect, useRef, useState } from 'react';
import {
  effectiveTrigger,
  isActive,
  isUsersJob,
  type Job,
  type JobOutcomeTriggerType,
  needsAcknowledgement,
  outcomeKey,
} from '../core';
import { endsOf } from '../store';
import { useJobsConfig, useJobsStore } from './context';
import { useHiddenTab } from './use-hidden-tab';
import { useJob } from './use-job';
import { useAcknowledger, useNextRunner } from './use-outcome';

export interface OutcomeQueue {
  /** The job whose outcome to show now: the oldest waiting, kept until it is acknowledged. */
  current: Job | undefined;
  /** How many more outcomes wait after it. */
  waiting: number;
  /** What an automatic run of the current outcome's `next` ran into (a blocked link, a failure). */
  notice: string | undefined;
}

export interface OutcomeQueueOptions {
  /** Default true. False stops listening (and keeps nothing). */
  enabled?: boolean;
}

interface Entry {
  id: string;
  key: string;
  /** When the job finished: the queue's order. */
  at: number;
  notice?: string;
}

const none: Entry[] = [];
const finishedAt = (job: Job) => job.finishedAt?.getTime() ?? 0;
/** Jobs that arrive together (a list page, the cache at mount) join the queue in finishing order. */
const inFinishingOrder = (jobs: Job[]) => jobs.sort((a, b) => finishedAt(a) - finishedAt(b));

/** Puts `entry` in place of the job's old one, in finishing order; the one shown first stays first. */
function insert(entries: Entry[], entry: Entry): Entry[] {
  const index = entries.findIndex((e) => e.id === entry.id);
  const old = entries[index];
  if (old !== undefined && old.key === entry.key) {
    if (entry.notice === undefined || old.notice === entry.notice) return entries;
    return entries.map((e) => (e === old ? { ...old, notice: entry.notice } : e));
  }
  const rest = entries.filter((e) => e.id !== entry.id);
  let at = index === 0 ? 0 : rest.findIndex((e, i) => i > 0 && e.at > entry.at);
  if (at < 0) at = rest.length;
  return [...rest.slice(0, at), entry, ...rest.slice(at)];
}

/**
 * The outcomes waiting for this user to acknowledge, one at a time, oldest first: outcomes of jobs the
 * user started (through this provider, or created by the provider's `currentUserId`) that ended complete
 * or failed with `outcome.acknowledge` and no `outcomeAcknowledgedAt` yet. Background and hidden jobs
 * never wait here.
 *
 * It follows the ends the store routes, every job written (looking only at the job written) and list
 * pages as they arrive (looking only at the jobs on them with an outcome to acknowledge); it reads what
 * the cache already holds once, when it mounts. It fetches nothing. While it is mounted, outcomes that
 * pop up here are reported nowhere else.
 *
 * `outcome.trigger`: `automatic` carries out `next` when the job ends and still shows the outcome;
 * `automatic_silent` carries it out and acknowledges with nothing shown (unless it failed, which is then
 * shown). Both apply to jobs seen ending while mounted, and only for their audience (see
 * `effectiveTrigger`); otherwise the outcome is shown as a `manual` one. Mount one queue per provider.
 */
export function useOutcomeQueue(options: OutcomeQueueOptions = {}): OutcomeQueue {
  const enabled = options.enabled ?? true;
  const { store } = useJobsStore('useOutcomeQueue');
  useHiddenTab('useOutcomeQueue');
  const { currentUserId, t } = useJobsConfig('useOutcomeQueue');
  const run = useNextRunner();
  const acknowledge = useAcknowledger();
  const [entries, setEntries] = useState<Entry[]>(none);
  const latest = useRef({ currentUserId, t, run, acknowledge });
  latest.current = { currentUserId, t, run, acknowledge };

  useEffect(() => {
    if (!enabled) return;
    let mounted = true;
    const ends = endsOf(store);
    const releaseClaim = ends.claimOutcomes();
    // Outcome keys whose automatic trigger ran, and those shown nowhere: the provider's, so that a
    // second queue neither runs one again nor shows a silent one.
    const { ran, silent } = store.outcomes;
    /** The user's jobs seen active: their end, when written, happened while mounted. */
    const activeSeen = new Set<string>();
    /** The ids in the queue, mirrored here so that the many writes about other jobs set no state. */
    const listed = new Set<string>();
    // The queue as last set: each change is decided here, and state is set only when it changes. An
    // updater that changes nothing is not free: React keeps it queued until the dialog renders again, and
    // every write or list page mentioning a queued job would add one, all day.
    let queue = none;
    const update = (next: Entry[]) => {
      if (next === queue) return;
      queue = next;
      setEntries(next);
    };
    const remove = (id: string) => {
      if (!listed.delete(id)) return;
      update(queue.filter((e) => e.id !== id));
    };
    const add = (job: Job, notice?: string) => {
      listed.add(job.id);
      update(
        insert(queue, {
          id: job.id,
          key: outcomeKey(job),
          at: job.finishedAt?.getTime() ?? Date.now(),
          ...(notice ? { notice } : {}),
        }),
      );
    };

    const runAutomatically = async (job: Job, trigger: JobOutcomeTriggerType, key: string) => {
      const { run: carryOut, acknowledge: ack, t } = latest.current;
      const result = await carryOut(job);
      if (!mounted) return;
      if (result.status !== 'done') {
        silent.delete(key);
        add(job, result.message);
      } else if (trigger === 'automatic_silent') {
        await ack(job).catch((error: unknown) => {
          if (!mounted) return;
          silent.delete(key);
          add(job, t('outcome.ackFailed', { error: error instanceof Error ? error.message : String(error) }));
        });
      }
    };

    const consider = (job: Job | undefined, live: boolean) => {
      if (job === undefined) return;
      const viewer = { currentUserId: latest.current.currentUserId, started: store.started.has(job.id) };
      if (isActive(job.status)) {
        if (isUsersJob(job, viewer)) activeSeen.add(job.id);
        remove(job.id);
        return;
      }
      const endedHere = activeSeen.delete(job.id) || live;
      if (!needsAcknowledgement(job) || !isUsersJob(job, viewer)) {
        if (job.outcomeAcknowledgedAt !== undefined) {
          // Acknowledged: no queue runs or shows this outcome again, so nothing of it is remembered.
          const key = outcomeKey(job);
          ran.delete(key);
          silent.delete(key);
        }
        remove(job.id);
        return;
      }
      const key = outcomeKey(job);
      const trigger = effectiveTrigger(job, viewer);
      if (trigger !== 'manual' && endedHere && !ran.has(key)) {
        ran.add(key);
        if (trigger === 'automatic_silent') silent.add(key);
        void runAutomatically(job, trigger, key);
      }
      if (silent.has(key)) remove(job.id);
      else add(job);
    };

    /** A list page arrived: the jobs on it that may wait for acknowledgement, and those queued here. */
    const offLists = store.onListRead((jobs) => {
      const found = [...jobs.withOutcomes(), ...[...listed].flatMap((id) => jobs.get(id) ?? [])];
      for (const job of inFinishingOrder(found)) consider(job, false);
    });
    const offWrites = store.onWrite((job) => consider(job, false));
    const offRemoved = store.onRemoved(remove);
    const offEvents = store.on((event) => {
      if (event.topic === 'job:deleted') remove(event.context.jobId);
    });
    // The ends routed while mounted: the outcome pops up here (the store told the other views so).
    const offEnds = ends.on((end) => consider(end.job, true));
    // What the cache holds already, read once, oldest first.
    for (const job of inFinishingOrder(store.cache.heldOutcomes())) consider(job, false);
    return () => {
      mounted = false;
      releaseClaim();
      offLists();
      offWrites();
      offRemoved();
      offEvents();
      offEnds();
      setEntries(none);
    };
  }, [enabled, store]);

  const first = entries[0];
  const { data: job } = useJob(first?.id);
  const current =
    job !== undefined && first !== undefined && needsAcknowledgement(job) && outcomeKey(job) === first.key
      ? job
      : undefined;
  return {
    current,
    waiting: Math.max(0, entries.length - 1),
    notice: current === undefined ? undefined : first?.notice,
  };
}
