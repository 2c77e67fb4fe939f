import { isTerminal, type JobEvent } from '../core';

/** Each read asks again for this much time before its cursor: events stored a little after their `createdAt`. */
export const OVERLAP_MS = 3000;
/** Before the server's clock is known, the first read reaches this far back (the local clock may be this far ahead). */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

export interface EventWindowOptions {
  /** How far back a late read reaches. */
  lateWindowMs: number;
  /** How often (by the local clock) a read is a late read. */
  lateEveryMs: number;
}

/** What one read asks for: events created from `since` (the server's clock). */
export interface WindowRead {
  since: number;
  /** Local time the read starts. */
  startedAt: number;
  late: boolean;
}

function rank(event: JobEvent): number {
  return isTerminal(event.payload.status) || event.topic === 'job:deleted' ? 1 : 0;
}

/**
 * Which events of `GET /events` to ask for and which to deliver, on the server's clock only.
 *
 * The server's clock is known from below: an answer's `Date` header, and any `createdAt` or `updatedAt`
 * the server sent, is no later than the server's time when the answer arrived, so `skew` (server minus
 * local) is at least their difference; it only grows. The cursor is a server time before which every
 * event stored on time has been read: the newest event delivered, or the server's time (from below)
 * when the last read started. A read asks from the cursor less `OVERLAP_MS`; every `lateEveryMs` one asks
 * from the cursor less `lateWindowMs`, so an event stored up to that late is still delivered. Ids are
 * remembered as long as a read may return them again, so nothing is delivered twice whatever order the
 * server lists events in. Events from before the subscription (by the server's clock as first known,
 * less `OVERLAP_MS`) are not delivered.
 */
export class EventWindow {
  private skew: number | undefined;
  private cursor = 0;
  /** Events older than this (server time) are from before the subscription; fixed after the first read. */
  private floor = 0;
  private firstRead = true;
  private startedAt = 0;
  private lastLate = 0;
  private readonly seen = new Map<string, number>();

  constructor(private readonly options: EventWindowOptions) {}

  /** A new subscription: reads start from the moment it began. */
  restart(localNow: number): void {
    this.startedAt = localNow;
    this.firstRead = true;
    this.lastLate = localNow;
    // `skew` may be a loose bound (an old job's `updatedAt`): never reach back further than the largest skew.
    const from = Math.max(localNow - MAX_CLOCK_SKEW_MS, localNow + (this.skew ?? Number.NEGATIVE_INFINITY));
    this.cursor = Math.max(this.cursor, from);
    this.floor = this.cursor - OVERLAP_MS;
  }

  /** The server's time was at least `serverAt` when the local clock read `localAt`. */
  learn(serverAt: number, localAt: number): void {
    if (!Number.isFinite(serverAt)) return;
    const skew = serverAt - localAt;
    if (this.skew === undefined || skew > this.skew) this.skew = skew;
  }

  /** The later of the local time and the server's time from below: how old a change is, roughly. */
  now(localNow: number): number {
    return Math.max(localNow, localNow + (this.skew ?? 0));
  }

  next(localNow: number): WindowRead {
    const late = !this.firstRead && localNow - this.lastLate >= this.options.lateEveryMs;
    if (late) this.lastLate = localNow;
    const reach = late ? this.options.lateWindowMs : OVERLAP_MS;
    return { since: Math.max(this.floor, this.cursor - reach), startedAt: localNow, late };
  }

  /**
   * The events of a read that were not delivered yet, oldest first (at the same instant an ending goes
   * last, so a job is never left "active" by a tie), and moves the cursor.
   */
  accept(read: WindowRead, events: readonly JobEvent[], localNow: number): JobEvent[] {
    for (const event of events) this.learn(event.createdAt.getTime(), localNow);
    if (this.firstRead) {
      this.firstRead = false;
      if (this.skew !== undefined) this.floor = Math.max(this.floor, this.startedAt + this.skew - OVERLAP_MS);
    }
    const fresh = new Map<string, JobEvent>();
    for (const event of events) {
      const at = event.createdAt.getTime();
      if (at < this.floor || this.seen.has(event.id) || fresh.has(event.id)) continue;
      fresh.set(event.id, event);
    }
    const list = [...fresh.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || rank(a) - rank(b));
    let newest = this.cursor;
    for (const event of list) {
      this.seen.set(event.id, event.createdAt.getTime());
      newest = Math.max(newest, event.createdAt.getTime());
    }
    const reached = this.skew === undefined ? newest : Math.max(newest, read.startedAt + this.skew);
    this.cursor = Math.max(this.cursor, reached);
    const forget = this.cursor - this.options.lateWindowMs - OVERLAP_MS;
    for (const [id, at] of this.seen) if (at < forget) this.seen.delete(id);
    return list;
  }
}
