import { JOB_EVENT_TOPICS, normalizeJob, toDate, type Job, type JobEvent, type JobEventListener } from '../core';
import { createSseParser, type SseMessage } from './sse';
import type { HttpReconnectOptions } from './types';

export interface StreamDeps {
  /** Fetches the stream with the caller's headers. */
  open(headers: Record<string, string>, signal: AbortSignal): Promise<Response>;
  reconnect?: HttpReconnectOptions;
}

export interface EventStream {
  subscribe(listener: JobEventListener): () => void;
  readonly connected: boolean;
  /**
   * `job`, or the version of it an event already delivered when that one is newer: an answer that took longer
   * than the job's own events (a create whose job finished meanwhile) must not take the job back in time.
   */
  fresher(job: Job): Job;
}

/** How far along a status is: a later stage wins a tie of `updatedAt`. */
function stage(status: string): number {
  if (status === 'complete' || status === 'failed' || status === 'canceled') return 2;
  return status === 'executing' ? 1 : 0;
}

const RECENT_LIMIT = 2000;

const topics = new Set<string>(JOB_EVENT_TOPICS);

/** A `job:*` event as the server sends it (dates as strings, the job as JSON); undefined when unreadable. */
export function readEvent(message: SseMessage): JobEvent | undefined {
  if (!topics.has(message.event)) return undefined;
  try {
    const raw = JSON.parse(message.data) as JobEvent;
    const event: JobEvent = { ...raw, createdAt: toDate(raw.createdAt) ?? new Date() };
    if (raw.job !== undefined) event.job = normalizeJob(raw.job);
    return event;
  } catch {
    return undefined;
  }
}

/**
 * One event-stream connection shared by every listener: opened with the first, closed with the last (no
 * connection or timer outlives them). A dropped stream is reopened with backoff and resumes after the last
 * id it received (`Last-Event-ID`), so no event is lost or repeated while the server still holds it.
 */
export function createEventStream(deps: StreamDeps): EventStream {
  const initialMs = deps.reconnect?.initialMs ?? 500;
  const maxMs = deps.reconnect?.maxMs ?? 15_000;
  const listeners = new Set<{ listener: JobEventListener }>();
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastId: string | undefined;
  let failures = 0;
  let connected = false;
  /** The last version of the most recent jobs events carried, oldest first. */
  const recent = new Map<string, Job>();

  function deliver(message: SseMessage): void {
    if (message.id !== undefined) lastId = message.id;
    const event = readEvent(message);
    if (event === undefined) return;
    if (event.job !== undefined) {
      recent.delete(event.job.id);
      recent.set(event.job.id, event.job);
      if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
    }
    for (const entry of [...listeners]) {
      if (!listeners.has(entry)) continue;
      try {
        entry.listener(event);
      } catch (error) {
        console.error('jobkit/http: a job event listener threw', error);
      }
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastId !== undefined) headers['last-event-id'] = lastId;
      const response = await deps.open(headers, signal);
      if (!response.ok || response.body === null) {
        await response.body?.cancel().catch(() => {});
        throw new Error(`event stream answered ${response.status}`);
      }
      connected = true;
      failures = 0;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = createSseParser(deliver);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true }));
      }
    } catch {
      // dropped or refused: reconnect below unless we were stopped
    }
    connected = false;
    if (signal.aborted || listeners.size === 0) return;
    const delay = Math.min(maxMs, initialMs * 2 ** failures) * (0.8 + Math.random() * 0.4);
    failures += 1;
    timer = setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) void run(signal);
    }, delay);
  }

  function stop(): void {
    // The next listener starts from now: nobody was listening in between, so nothing was missed.
    lastId = undefined;
    recent.clear();
    controller?.abort();
    controller = undefined;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    connected = false;
  }

  return {
    get connected() {
      return connected;
    },
    fresher(job) {
      const seen = recent.get(job.id);
      if (seen === undefined) return job;
      const seenAt = seen.updatedAt?.getTime() ?? 0;
      const jobAt = job.updatedAt?.getTime() ?? 0;
      return seenAt > jobAt || (seenAt === jobAt && stage(seen.status) > stage(job.status)) ? seen : job;
    },
    subscribe(listener) {
      const entry = { listener };
      listeners.add(entry);
      if (controller === undefined) {
        controller = new AbortController();
        failures = 0;
        void run(controller.signal);
      }
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0) stop();
      };
    },
  };
}
