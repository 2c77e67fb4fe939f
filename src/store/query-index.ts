import type { Query, QueryCache } from '@tanstack/react-query';

/**
 * The list queries and single-job queries of one provider's scope, kept as the cache adds and removes
 * them: a write finds its job's query, and the lists holding it, without hashing a key or walking the
 * host's whole cache.
 */
export class QueryIndex {
  readonly lists = new Set<Query>();
  readonly jobs = new Map<string, Query>();

  constructor(private readonly scope: string) {}

  /** Indexes what `cache` holds and follows it; returns the function that stops following. */
  follow(cache: QueryCache): () => void {
    for (const query of cache.getAll()) this.track(query, true);
    const off = cache.subscribe((event) => {
      if (event.type === 'added') this.track(event.query, true);
      else if (event.type === 'removed') this.track(event.query, false);
    });
    return () => {
      off();
      this.lists.clear();
      this.jobs.clear();
    };
  }

  isList(query: Query): boolean {
    const key = query.queryKey;
    return key[0] === 'jobkit' && key[1] === this.scope && key[2] === 'list';
  }

  isJob(query: Query): boolean {
    const key = query.queryKey;
    return key.length === 4 && key[0] === 'jobkit' && key[1] === this.scope && key[2] === 'job';
  }

  private track(query: Query, present: boolean): void {
    if (this.isList(query)) {
      if (present) this.lists.add(query);
      else this.lists.delete(query);
    } else if (this.isJob(query)) {
      const id = query.queryKey[3] as string;
      if (present) this.jobs.set(id, query);
      else if (this.jobs.get(id) === query) this.jobs.delete(id);
    }
  }
}
