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

  tell(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (error) {
        console.error('[jobkit] a listener threw', error);
      }
    }
  }
}
