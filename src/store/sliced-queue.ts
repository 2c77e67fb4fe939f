const now = () => performance.now();

/**
 * Applies items as they arrive until the task handing them over has spent `inlineMs` on them; the rest
 * wait, in order, for tasks of the queue's own, `sliceMs` each (`batch` wraps a slice). A single item
 * still applies at once, while a source that hands over 10,000 items at once gets them applied over a
 * few frames instead of one long task, and its own task is made only a little longer (the source's
 * task is already long: 1 ms there, against 4 ms, halved the long tasks at 10,000 jobs ticking at 10 Hz).
 * Nothing is dropped or reordered; `clear` drops what waits.
 */
export class SlicedQueue<T> {
  private readonly waiting: T[] = [];
  /** Milliseconds this task has spent applying items. */
  private spent = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly apply: (item: T) => void,
    private readonly batch: (run: () => void) => void = (run) => run(),
    private readonly sliceMs = 4,
    private readonly inlineMs = 1,
  ) {}

  push(item: T): void {
    if (this.waiting.length > 0 || this.spent >= this.inlineMs) this.waiting.push(item);
    else {
      const started = now();
      this.apply(item);
      this.spent += now() - started;
    }
    this.nextTask();
  }

  clear(): void {
    this.waiting.length = 0;
    this.spent = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
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
