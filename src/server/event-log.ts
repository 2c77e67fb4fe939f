import type { JobEvent } from '../core';

/** An event as the stream sends it: a sequence number (the SSE `id`) and its JSON. */
export interface LoggedEvent {
  seq: number;
  event: JobEvent;
  /** `event:` and `data:` lines, serialized once for every connection. */
  frame: string;
}

type Tail = (entry: LoggedEvent) => void;

/**
 * The last `limit` events in arrival order, numbered from 1, so a stream that dropped can resume after the
 * last id it saw with nothing lost and nothing repeated. Older ids than the log holds resume from its start.
 */
export interface EventLog {
  append(event: JobEvent): void;
  /** Events after `seq` (every logged one for 0), then each new one, in order. Returns the stop function. */
  follow(afterSeq: number, tail: Tail): { backlog: LoggedEvent[]; stop: () => void };
  readonly lastSeq: number;
}

export function createEventLog(limit: number): EventLog {
  const entries: LoggedEvent[] = [];
  const tails = new Set<Tail>();
  let seq = 0;
  return {
    get lastSeq() {
      return seq;
    },
    append(event) {
      seq += 1;
      const entry: LoggedEvent = { seq, event, frame: `event: ${event.topic}\ndata: ${JSON.stringify(event)}\n` };
      entries.push(entry);
      if (entries.length > limit) entries.splice(0, entries.length - limit);
      for (const tail of tails) tail(entry);
    },
    follow(afterSeq, tail) {
      const first = entries[0]?.seq ?? seq + 1;
      const backlog = afterSeq >= seq ? [] : entries.slice(Math.max(0, afterSeq + 1 - first));
      tails.add(tail);
      return { backlog, stop: () => tails.delete(tail) };
    },
  };
}
