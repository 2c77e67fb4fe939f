import { endsWithNotice, isUsersJob, type Job, needsAcknowledgement } from '../core';
import type { JobsStore } from './store';

/**
 * How the end of a job is told, decided once for every view of the provider: a job that ends is
 * reported in exactly one of the outcome dialog, a notice, or the progress overlay that showed it.
 */
export interface JobEnd {
  /** The version that ended (complete, failed or canceled). */
  job: Job;
  /** The user's job: started (or acted on) through this provider, or created by its `currentUserId`. */
  mine: boolean;
  /** Started (or acted on) through this provider itself: the tab that started it tells its end elsewhere. */
  started: boolean;
  /** Its outcome pops up in a mounted outcome dialog (which then reports it; nothing else does). */
  popsUp: boolean;
  /** A background job of the user's: told by a notice (`JobNotices`). */
  notice: boolean;
  /**
   * A system notification tells it (the tab is hidden and the host opted in): the live region does not
   * announce it as well. Visible records (notices, the outcome dialog) still show it.
   */
  notified: boolean;
}

export type JobEndListener = (end: JobEnd) => void;
/** Whether a system notification tells the end of `job` (asked once per end, before any listener). */
export type SystemNotifier = (job: Job, started: boolean) => boolean;

/**
 * The one place a job's end is routed: the store calls `route` once per end it sees (a job it knew
 * active written complete, failed or canceled, or a `job:completed` / `job:failed` for a job it did not
 * know), and every view that reacts to ends (outcome queue, notices, overlays, announcements) listens
 * here and follows the decision instead of deciding again.
 */
export class JobEnds {
  private readonly listeners = new Set<JobEndListener>();
  private outcomeViews = 0;
  private readonly notifiers = new Set<SystemNotifier>();

  /** `user` says who the signed-in user is (`currentUserId`), for outcomes meant for the job's originator. */
  constructor(private readonly user: { readonly currentUserId: string | undefined } = { currentUserId: undefined }) {}

  /** An outcome dialog is mounted: outcomes that ask for acknowledgement pop up there. */
  claimOutcomes(): () => void {
    this.outcomeViews += 1;
    let claimed = true;
    return () => {
      if (claimed) this.outcomeViews -= 1;
      claimed = false;
    };
  }

  /** A system notifier (the hidden-tab notifier) tells the ends it claims; the others still announce them. */
  claimSystemNotices(notifier: SystemNotifier): () => void {
    this.notifiers.add(notifier);
    return () => this.notifiers.delete(notifier);
  }

  on(listener: JobEndListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whose the job is, for this provider's user. */
  viewer(started: boolean): { currentUserId: string | undefined; started: boolean } {
    return { currentUserId: this.user.currentUserId, started };
  }

  /** Decides how the end of `job` is told and hands the decision to every listener. */
  route(job: Job, started: boolean): JobEnd {
    const mine = isUsersJob(job, this.viewer(started));
    const end: JobEnd = {
      job,
      mine,
      started,
      popsUp: mine && this.outcomeViews > 0 && needsAcknowledgement(job),
      notice: mine && endsWithNotice(job),
      notified: false,
    };
    for (const notifier of this.notifiers) {
      try {
        if (notifier(job, started)) end.notified = true;
      } catch (error) {
        console.error('[jobkit] a system notifier threw', error);
      }
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(end);
      } catch (error) {
        console.error('[jobkit] a job-end listener threw', error);
      }
    }
    return end;
  }
}

/** The store's end routing, made on first use (the first view that follows ends): one per store. */
export function endsOf(store: JobsStore): JobEnds {
  store.ends ??= new JobEnds(store);
  return store.ends;
}
