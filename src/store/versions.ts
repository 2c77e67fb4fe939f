import type { Job } from '../core';

const BUCKETS = 256;

/** FNV-1a over the id's characters, folded to a bucket. */
function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

type Bucket = ReadonlyMap<string, Job>;

/**
 * Newer versions of listed jobs, by id: an immutable map whose next version shares every bucket a
 * change did not touch, so a batch of a few ticks among 10,000 listed jobs copies a few buckets, not
 * 10,000 entries. `with` and `without` return a new map; this one never changes.
 */
export class JobVersions {
  static readonly empty = new JobVersions([]);

  private constructor(private readonly buckets: readonly (Bucket | undefined)[]) {}

  get(id: string): Job | undefined {
    return this.buckets[bucketOf(id)]?.get(id);
  }

  /** Every version held. */
  *values(): IterableIterator<Job> {
    for (const bucket of this.buckets) if (bucket !== undefined) yield* bucket.values();
  }

  /** These versions added (or replacing older ones of the same jobs). */
  with(jobs: Iterable<Job>): JobVersions {
    return this.edit(jobs, (bucket, job) => bucket.set(job.id, job));
  }

  /** These jobs' versions dropped. */
  without(ids: Iterable<string>): JobVersions {
    return this.edit(ids, (bucket, id) => bucket.delete(id), true);
  }

  private edit<T>(
    items: Iterable<T>,
    change: (bucket: Map<string, Job>, item: T) => void,
    removing = false,
  ): JobVersions {
    let buckets: (Bucket | undefined)[] | undefined;
    const copied = new Set<number>();
    for (const item of items) {
      const at = bucketOf(typeof item === 'string' ? item : (item as Job).id);
      if (removing && this.buckets[at] === undefined) continue;
      buckets ??= Array.from({ length: BUCKETS }, (_, i) => this.buckets[i]);
      if (!copied.has(at)) {
        buckets[at] = new Map(buckets[at]);
        copied.add(at);
      }
      change(buckets[at] as Map<string, Job>, item);
    }
    return buckets === undefined ? this : new JobVersions(buckets);
  }
}
