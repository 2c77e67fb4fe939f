const now = () => performance.now();

/**
 * Applies items in the task that hands them over until it has spent `inlineMs` on them; the rest wait,
 * in order, for tasks of the queue's own, `sliceMs` each (`batch` wraps a slice). The first item of a
 * task applies at once; those following it in the same task are gathered and applied together at its
 * end (a microtask), as one batch: 100 ticks handed over in one task make two batches, so what they
 * change is told, and rendered, twice rather than 100 times. A source that hands over 10,000 items at
 * once gets them applied over a few frames instead of one long task, and its own task is made only a
 * little longer (the source's task is already long: 1 ms there, against 4 ms, halved the long tasks at
 * 10,000 jobs ticking at 10 Hz). Nothing is dropped or reordered; `clear` drops what waits.
 */
export class SlicedQueue<T> {
  private readonly waiting: T[] = [];
  /** Milliseconds this task has spent applying items. */
  private spent = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The items that followed the first one of this task, applied at its end (see `applyGathered`). */
  private gathered: T[] | undefined;

  constructor(
    private readonly apply: (item: T) => void,
    private readonly batch: (run: () => void) => void = (run) => run(),
    private readonly sliceMs = 4,
    private readonly inlineMs = 1,
  ) {}

  push(item: T): void {
    if (this.waiting.length > 0 || this.spent >= this.inlineMs) this.waiting.push(item);
    else if (this.gathered !== undefined) {
      this.gathered.push(item);
      return;
    } else {
      const gathered: T[] = [];
      this.gathered = gathered;
      queueMicrotask(() => this.applyGathered(gathered));
      const started = now();
      this.apply(item);
      this.spent += now() - started;
    }
    this.nextTask();
  }

  clear(): void {
    this.gathered = undefined;
    this.waiting.length = 0;
    this.spent = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The items that followed the first one of a task, applied as one batch while the task has time left. */
  private applyGathered(gathered: T[]): void {
    if (this.gathered !== gathered) return; // cleared meanwhile
    this.gathered = undefined;
    const started = now();
    let applied = 0;
    if (gathered.length > 0 && this.spent < this.inlineMs)
      this.batch(() => {
        while (applied < gathered.length && this.spent + (now() - started) < this.inlineMs) {
          const item = gathered[applied] as T;
          applied += 1;
          this.apply(item);
        }
      });
    this.spent += now() - started;
    // What the task had no time for goes first among the waiting (none of which came before it).
    if (applied < gathered.length) this.waiting.unshift(...gathered.slice(applied));
    this.nextTask();
  }

  /** Queues the next task: it starts a new slice and applies what waits, up to a slice's worth. */
  private nextTask(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.spent = 0;
      if (this.waiting.length === 0) return;
      const started = now();
      let applied = 0;
      this.batch(() => {
        while (applied < this.waiting.length && now() - started < this.sliceMs) {
          const item = this.waiting[applied] as T;
          applied += 1;
          this.apply(item);
        }
      });
      this.waiting.splice(0, applied);
      this.spent = now() - started;
      this.nextTask();
    }, 0);
  }
}
