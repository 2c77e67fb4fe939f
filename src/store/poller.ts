import { focusManager } from './query-core';

/** What a poller reads and where the answers go. */
interface PollRound {
  /** The ids worth reading now; none means nothing is polled and no timer is kept. */
  ids(): string[];
  /** Reads one id. */
  read(id: string, signal: AbortSignal): Promise<unknown>;
  /** Applies a round of answers, as one batch; returns whether a read failed in a way worth backing off. */
  apply(ids: string[], results: PromiseSettledResult<unknown>[]): boolean;
}

/**
 * Reads a round of ids every `interval` while there is something to read and the page is visible;
 * keeps no timer otherwise. Failed rounds double the wait, up to `maxInterval`; `stop` aborts the
 * round in flight and clears the timer.
 */
export class Poller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;
  private failures = 0;
  private running = false;

  constructor(
    private readonly round: PollRound,
    private interval: number,
    private maxInterval: number,
  ) {}

  /** Takes a new interval from the next round on. */
  setInterval(interval: number, maxInterval: number): void {
    this.interval = interval;
    this.maxInterval = maxInterval;
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  /** Plans the next round, unless one is planned or running, the page is hidden or nothing needs reading. */
  schedule(): void {
    if (!this.running || this.timer !== undefined || this.inFlight !== undefined) return;
    if (!focusManager.isFocused() || this.round.ids().length === 0) return;
    const delay = Math.min(this.maxInterval, this.interval * 2 ** this.failures);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delay);
  }

  private async poll(): Promise<void> {
    if (!focusManager.isFocused()) return; // resumes when the page is visible again
    const ids = this.round.ids();
    if (ids.length === 0) return;
    const controller = new AbortController();
    this.inFlight = controller;
    const results = await Promise.allSettled(ids.map((id) => this.round.read(id, controller.signal)));
    this.inFlight = undefined;
    if (!this.running || controller.signal.aborted) return;
    const failed = this.round.apply(ids, results);
    this.failures = failed ? Math.min(this.failures + 1, 16) : 0;
    this.schedule();
  }
}
