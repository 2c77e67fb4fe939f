// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { JobsStore } from '../../src/store';
import { fakeServer, settle, version } from './server';

// A console open all day: what the store remembers of a job must go once the cache lets the job go.
/** The store's record of where each job was placed (private: read here to count what it keeps). */
const placed = (store: JobsStore) => (store as unknown as { lists: { placed: Map<string, unknown> } }).lists.placed;

describe('what the store keeps of jobs the cache let go', () => {
  it('keeps no record of where a job no list holds was placed once its entry left the cache', async () => {
    const server = fakeServer();
    const store = new JobsStore(new QueryClient({ defaultOptions: { queries: { gcTime: 200 } } }), server.client);
    store.start();
    // No list is read (a page with overlays and buttons, no panel): every job lives under its own key.
    for (let i = 0; i < 50; i += 1) {
      server.change(version(`j${i}`, 'executing', 1), 'job:created');
      server.change(version(`j${i}`, 'complete', 2), 'job:completed');
    }
    await settle();
    expect(store.peek('j49')?.status).toBe('complete');
    // Nothing reads them: react-query drops each entry after its gcTime, and the store's record goes with it.
    // (Waited for, not slept on: a loaded machine may run the collection late.)
    await vi.waitFor(() => expect(store.peek('j49')).toBeUndefined(), { timeout: 10_000, interval: 50 });
    expect(placed(store).size).toBe(0);
    // A job written again is placed afresh.
    server.change(version('j1', 'executing', 3), 'job:updated');
    await settle();
    expect(placed(store).size).toBe(1);
    store.stop();
  });
});
