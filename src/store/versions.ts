import type { Job } from '../core';

/** Two levels of 64: 4,096 leaves, a few jobs each at 10,000 listed jobs. */
const BITS = 6;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** FNV-1a over the id's characters. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A few jobs (their hashes share 12 bits): a small array is cheaper to copy and to search than a Map. */
type Leaf = readonly Job[];
type Branch = readonly (Leaf | undefined)[];

function find(leaf: Leaf | undefined, id: string): number {
  if (leaf === undefined) return -1;
  for (let i = 0; i < leaf.length; i += 1) if ((leaf[i] as Job).id === id) return i;
  return -1;
}

/**
 * Newer versions of listed jobs, by id: an immutable map whose next version shares every branch and leaf
 * a change did not touch. A batch copies the root (64 slots), the branches it touches (64 slots each) and
 * the leaves it touches (a few jobs each), so its cost follows the jobs it writes, not the jobs held: a
 * slice of 400 ticks among 10,000 listed jobs copies some 5,000 slots, where one level of 256 buckets
 * copied all 10,000 entries. `with` and `without` return a new map; this one never changes.
 */
export class JobVersions {
  static readonly empty = new JobVersions([]);

  private constructor(private readonly root: readonly (Branch | undefined)[]) {}

  get(id: string): Job | undefined {
    const hash = hashOf(id);
    const leaf = this.root[hash & MASK]?.[(hash >>> BITS) & MASK];
    const at = find(leaf, id);
    return at < 0 ? undefined : leaf?.[at];
  }

  /** Every version held. */
  *values(): IterableIterator<Job> {
    for (const branch of this.root) if (branch !== undefined) for (const leaf of branch) if (leaf) yield* leaf;
  }

  /** These versions added (or replacing older ones of the same jobs). */
  with(jobs: Iterable<Job>): JobVersions {
    return this.edit(jobs, (job) => job.id, false);
  }

  /** These jobs' versions dropped. */
  without(ids: Iterable<string>): JobVersions {
    return this.edit(ids, (id) => id, true);
  }

  private edit<T extends Job | string>(items: Iterable<T>, idOf: (item: T) => string, removing: boolean): JobVersions {
    let root: (Branch | undefined)[] | undefined;
    // What this edit copied already, so it is changed in place: branches by index, leaves by index too.
    const branches = new Set<number>();
    const leaves = new Set<number>();
    for (const item of items) {
      const id = idOf(item);
      const hash = hashOf(id);
      const b = hash & MASK;
      const l = (hash >>> BITS) & MASK;
      const at = find((root ?? this.root)[b]?.[l], id);
      if (removing && at < 0) continue;
      root ??= this.root.slice();
      if (!branches.has(b)) {
        root[b] = root[b]?.slice() ?? [];
        branches.add(b);
      }
      const branch = root[b] as (Leaf | undefined)[];
      const key = b * WIDTH + l;
      if (!leaves.has(key)) {
        branch[l] = branch[l]?.slice() ?? [];
        leaves.add(key);
      }
      const leaf = branch[l] as Job[];
      if (removing) leaf.splice(at, 1);
      else if (at < 0) leaf.push(item as Job);
      else leaf[at] = item as Job;
    }
    return root === undefined ? this : new JobVersions(root);
  }
}
