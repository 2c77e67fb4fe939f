import type { Job } from '../core';
import type { EventLog, LoggedEvent } from './event-log';

export interface SseOptions {
  log: EventLog;
  /** The last id the caller saw (`Last-Event-ID`); 0 for only new events. */
  after: number;
  /** Which events the caller receives. */
  visible: (job: Job) => boolean;
  /** Comment lines at this interval keep proxies from closing an idle stream. */
  heartbeatMs: number;
  /** Ends the stream (the request was aborted, or the handler closed). */
  signal: AbortSignal;
}

const encoder = new TextEncoder();

/**
 * A `text/event-stream` body: the backlog after `after`, then live events, each with its sequence as `id`.
 * Nothing is left behind when the caller goes away: the tail and the heartbeat timer stop with the stream.
 */
export function sseStream(options: SseOptions): ReadableStream<Uint8Array> {
  let stop = (): void => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let timer: ReturnType<typeof setInterval> | undefined;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const write = (entry: LoggedEvent) => {
        const { job } = entry.event;
        if (job !== undefined && options.visible(job)) send(`id: ${entry.seq}\n${entry.frame}\n`);
      };
      const { backlog, stop: unfollow } = options.log.follow(options.after, write);
      stop = () => {
        if (closed) return;
        closed = true;
        unfollow();
        if (timer !== undefined) clearInterval(timer);
        options.signal.removeEventListener('abort', stop);
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      if (options.signal.aborted) return stop();
      options.signal.addEventListener('abort', stop);
      // `retry` tells EventSource how long to wait before reconnecting. The `id` is where the stream starts: a
      // client that drops before the first event resumes from there, so nothing after the connection is lost.
      send(`retry: 1000\nid: ${options.after}\n\n`);
      for (const entry of backlog) write(entry);
      timer = setInterval(() => send(': ping\n\n'), options.heartbeatMs);
    },
    cancel() {
      stop();
    },
  });
}
