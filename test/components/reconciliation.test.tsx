import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job, JobsClient } from '../../src/core';
import { createMemoryJobsClient, type JobHandlerContext, type MemoryJobsClient } from '../../src/memory';
import { JobsProvider, ProgressOverlay } from '../../src';
import { counting, deferred } from '../react/helpers';

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const INTERVAL = 5000;

/** A pushing client that never delivers `job:completed`, counting its calls. */
function droppingCompletions(engine: MemoryJobsClient) {
  const { client, calls } = counting(engine, { push: true });
  const dropping: JobsClient = {
    ...client,
    subscribe: (listener) =>
      engine.subscribe((event) => (event.topic === 'job:completed' ? undefined : listener(event))),
  };
  return { client: dropping, calls, total: () => Object.values(calls).reduce((sum, n) => sum + n, 0) };
}

function Host({ client }: { client: JobsClient }) {
  return (
    <JobsProvider client={client} reconcileInterval={INTERVAL}>
      <ProgressOverlay source="us_sh_1">
        <table aria-label="Contacts">
          <tbody>
            <tr>
              <td>Ada</td>
            </tr>
          </tbody>
        </table>
      </ProgressOverlay>
    </JobsProvider>
  );
}

let engine: MemoryJobsClient;
const finishers = new Map<string, () => void>();

beforeEach(() => {
  vi.useFakeTimers();
  const handler = async (job: Job, _context: JobHandlerContext) => {
    const done = deferred();
    finishers.set(job.id, () => done.resolve());
    await done.promise;
  };
  engine = createMemoryJobsClient({ handlers: { 'sheet:dedupe': handler } });
});

afterEach(() => {
  engine.dispose();
  finishers.clear();
  vi.useRealTimers();
});

const overlay = () => screen.queryByRole('group', { name: 'Dedupe' });

describe('the reconciliation of a pushing client', () => {
  it('lifts an overlay within one interval when the job’s completion event is lost', async () => {
    const { client } = droppingCompletions(engine);
    render(<Host client={client} />);
    const job = await engine.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1', mode: 'foreground' });
    await advance(20);
    expect(overlay()).toBeInTheDocument();
    act(() => finishers.get(job.id)?.());
    await advance(20);
    expect((await engine.get(job.id)).status).toBe('complete');
    // The event never came: without the safety net the overlay would stay.
    expect(overlay()).toBeInTheDocument();
    await advance(INTERVAL);
    expect(overlay()).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Contacts' }).closest('[inert]')).toBeNull();
  });

  it('sends no request over several intervals while no job is active, before a job and after it ends', async () => {
    const { client, total } = droppingCompletions(engine);
    const view = render(<Host client={client} />);
    await advance(20);
    const mounted = total();
    await advance(INTERVAL * 5);
    expect(total()).toBe(mounted);

    const job = await engine.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1', mode: 'foreground' });
    await advance(20);
    act(() => finishers.get(job.id)?.());
    await advance(INTERVAL);
    expect(overlay()).not.toBeInTheDocument();
    const ended = total();
    await advance(INTERVAL * 5);
    expect(total()).toBe(ended);
    view.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
