/**
 * A set of listeners told in the order they came. One that throws is reported and the others are still
 * told: a host's handler must not stop the kit's own.
 */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  /** How many listen. */
  get size(): number {
    return this.set.size;
  }

  tell(value: T): void {
    // Told once per write and per event: with no listener, or one, nothing is copied.
    if (this.set.size === 0) return;
    if (this.set.size === 1) {
      this.call(this.set.values().next().value as (value: T) => void, value);
      return;
    }
    for (const listener of [...this.set]) this.call(listener, value);
  }

  private call(listener: (value: T) => void, value: T): void {
    try {
      listener(value);
    } catch (error) {
      console.error('[jobkit] a listener threw', error);
    }
  }
}
