import { isActive, type JobEvent, type JobEventListener, JobsClientError } from '../core';
import { toJobEvent } from './events';
import { EventWindow, type WindowRead } from './event-window';
import type { Http } from './http';
import { invalidAnswer } from './errors';
import { dataOf } from './read';
import type { FlatfilePollOptions } from './types';

/** Events read per page of `GET /events`. */
const PAGE_SIZE = 100;
/** Pages read per poll at most (10,000 events): a read that reaches it delivers them and goes on next time. */
const MAX_PAGES = 100;
/** A job last seen active this long ago no longer keeps polling fast (its ending was missed). */
const ACTIVE_TTL_MS = 10 * 60_000;

export interface PollerDeps {
  http: Http;
  spaceId: string;
  environmentId: string | undefined;
  poll: FlatfilePollOptions | undefined;
  onError: ((error: unknown) => void) | undefined;
}

export interface EventPoller {
  subscribe(listener: JobEventListener): () => void;
  /**
   * Tells the poller a job's status and when it last changed (from an event or an answer): jobs active
   * and changed within the last 10 minutes make it read faster.
   */
  note(jobId: string, status: string | undefined, at: Date | undefined): void;
}

function interval(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function hidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** A parts count or an event without a status says nothing of its job's own status. */
function statusOf(event: JobEvent): string | undefined {
  if (event.topic === 'job:parts-completed') return undefined;
  return event.payload.status === 'unknown' ? undefined : event.payload.status;
}

/**
 * One `GET /events?spaceId&domain=job&since=…` loop for every listener. It starts with the first listener
 * and stops (no timer, no request in flight) when the last one leaves. Read every `activeMs` while a job it
 * knows of is active; otherwise from `idleMs`, doubling after each quiet read up to `maxMs`; after a
 * failure, doubling up to `maxMs` and never sooner than the server's `Retry-After`.
 *
 * Each read pages (`pageNumber`) until a page is short, whatever order the server lists events in, and
 * delivers each event once, oldest first; where reads start is told by the server's clock (`EventWindow`).
 * Every `lateEveryMs` a read reaches `lateWindowMs` back, for events stored late.
 */
export function createEventPoller(deps: PollerDeps): EventPoller {
  const activeMs = interval(deps.poll?.activeMs, 1000);
  const idleMs = Math.max(activeMs, interval(deps.poll?.idleMs, 5000));
  const maxMs = Math.max(idleMs, interval(deps.poll?.maxMs, 30_000));
  const eventWindow = new EventWindow({
    lateEveryMs: interval(deps.poll?.lateEveryMs, 15_000),
    lateWindowMs: Math.max(interval(deps.poll?.lateWindowMs, 60_000), 3000),
  });
  const listeners = new Set<JobEventListener>();
  const active = new Map<string, number>();
  let quiet = 0;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = 0;
  let controller: AbortController | undefined;

  function anyActive(): boolean {
    const now = eventWindow.now(Date.now());
    for (const [jobId, at] of active) if (now - at > ACTIVE_TTL_MS) active.delete(jobId);
    return active.size > 0;
  }

  function schedule(ms: number): void {
    globalThis.clearTimeout(timer);
    dueAt = Date.now() + ms;
    timer = globalThis.setTimeout(() => {
      timer = undefined;
      void run();
    }, ms);
  }

  /** Reads sooner when a job became active (or the page visible) while waiting longer. */
  function wake(): void {
    if (listeners.size === 0 || controller !== undefined) return;
    if (dueAt - Date.now() > activeMs) schedule(activeMs);
  }

  function onVisibility(): void {
    if (!hidden()) wake();
  }

  function onHeaders(headers: Headers): void {
    const date = Date.parse(headers.get('date') ?? '');
    if (!Number.isNaN(date)) eventWindow.learn(date, Date.now());
  }

  async function read(from: WindowRead, signal: AbortSignal): Promise<JobEvent[]> {
    const since = new Date(from.since).toISOString();
    const label = 'GET /events';
    const events: JobEvent[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const body = await deps.http({
        method: 'GET',
        path: '/events',
        query: {
          spaceId: deps.spaceId,
          environmentId: deps.environmentId,
          domain: 'job',
          since,
          includeAcknowledged: true,
          pageSize: PAGE_SIZE,
          pageNumber: page,
        },
        kind: 'read',
        signal,
        onHeaders,
      });
      const data = dataOf(body, label);
      if (!Array.isArray(data)) throw invalidAnswer(label, '`data` that is not a list of events');
      for (const raw of data) {
        const event = toJobEvent(raw);
        if (event !== undefined) events.push(event);
      }
      if (data.length < PAGE_SIZE) break;
    }
    return events;
  }

  function deliver(events: JobEvent[]): void {
    for (const event of events) {
      if (event.topic === 'job:deleted') active.delete(event.context.jobId);
      else {
        const status = statusOf(event);
        if (status !== undefined) note(event.context.jobId, status, event.createdAt);
      }
      for (const listener of [...listeners]) {
        if (!listeners.has(listener)) continue;
        try {
          listener(structuredClone(event));
        } catch (error) {
          console.error(`[jobkit/flatfile] a listener threw on ${event.topic}`, error);
        }
      }
    }
  }

  async function run(): Promise<void> {
    const own = new AbortController();
    controller = own;
    let delay: number;
    try {
      const from = eventWindow.next(Date.now());
      const events = await read(from, own.signal);
      if (own.signal.aborted) return;
      const fresh = eventWindow.accept(from, events, Date.now());
      deliver(fresh);
      failures = 0;
      quiet = fresh.length > 0 ? 0 : quiet + 1;
      delay = anyActive() ? activeMs : Math.min(maxMs, idleMs * 2 ** quiet);
    } catch (error) {
      if (own.signal.aborted) return;
      failures += 1;
      deps.onError?.(error);
      const backoff = Math.min(maxMs, idleMs * 2 ** (failures - 1));
      delay = Math.max(backoff, error instanceof JobsClientError ? (error.retryAfterMs ?? 0) : 0);
    } finally {
      if (controller === own) controller = undefined;
    }
    if (own.signal.aborted) return; // the last listener left, maybe from inside a listener
    schedule(hidden() ? Math.max(delay, maxMs) : delay);
  }

  function start(): void {
    eventWindow.restart(Date.now());
    quiet = 0;
    failures = 0;
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
    schedule(0);
  }

  function stop(): void {
    globalThis.clearTimeout(timer);
    timer = undefined;
    controller?.abort();
    controller = undefined;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
  }

  function note(jobId: string, status: string | undefined, at: Date | undefined): void {
    const localNow = Date.now();
    if (at !== undefined) eventWindow.learn(at.getTime(), localNow);
    if (!isActive(status)) {
      active.delete(jobId);
      return;
    }
    // A job whose last change is older than the TTL is stuck, not active: it does not speed reads up.
    const now = eventWindow.now(localNow);
    const time = Math.min(at?.getTime() ?? now, now);
    if (now - time > ACTIVE_TTL_MS || time <= (active.get(jobId) ?? Number.NEGATIVE_INFINITY)) return;
    const known = active.has(jobId);
    active.set(jobId, time);
    if (!known) wake();
  }

  return {
    subscribe(listener) {
      const entry: JobEventListener = (event) => listener(event);
      listeners.add(entry);
      if (listeners.size === 1) start();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        listeners.delete(entry);
        if (listeners.size === 0) stop();
      };
    },
    note,
  };
}
