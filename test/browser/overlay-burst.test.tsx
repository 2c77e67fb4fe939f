import { render, screen, waitFor, within } from '@testing-library/react';
import { Profiler, type ReactNode, useEffect } from 'react';
import { afterEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import '../../src/styles.css';
import {
  ActionButton,
  type Job,
  type JobConfig,
  JobNotices,
  JobsIndicator,
  JobsPanel,
  JobsProvider,
  ProgressOverlay,
  useCreateJob,
} from '../../src';
import { createMemoryJobsClient, type JobHandler, type MemoryJobsClient } from '../../src/memory';

// A burst of foreground jobs on one source: a host creating 500 jobs in one task (a loop over a selection)
// must cost the views a bounded number of renders, not one nested update per job (React stops those with
// "Maximum update depth exceeded", error #185 in production).
const SOURCE = 'us_wb_1';
const BURST = 500;
const config: JobConfig = { type: 'workbook', operation: 'export', source: SOURCE, mode: 'foreground' };

let client: MemoryJobsClient | undefined;
let errors: MockInstance<typeof console.error> | undefined;
afterEach(() => {
  client?.dispose();
  client = undefined;
  errors?.mockRestore();
  errors = undefined;
});

type Create = (config: JobConfig) => Promise<Job>;

/** Hands the kit's create mutation to the test, as a host's code would call it. */
function Driver({ ready }: { ready(create: Create): void }): ReactNode {
  const { mutateAsync } = useCreateJob();
  useEffect(() => ready(mutateAsync), [ready, mutateAsync]);
  return null;
}

/**
 * The console of the soak's overlay variant: the Jobs Panel inside a ProgressOverlay of the source, an
 * action on the source, the indicator and the notices, on the memory engine. Every job runs until `finish`.
 */
async function setup() {
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const handler: JobHandler = async (_job, { tick }) => {
    await tick(10, 'Exporting');
    await finished;
  };
  const memory = createMemoryJobsClient({ handlers: { 'workbook:export': handler } });
  client = memory;
  let create: Create | undefined;
  let renders = 0;
  render(
    <JobsProvider client={memory} theme={{ duration: '0ms' }} colorScheme="light">
      <Driver
        ready={(next) => {
          create = next;
        }}
      />
      <JobsIndicator source={SOURCE} />
      <ActionButton action={{ label: 'Export again', operation: 'export' }} domain="workbook" source={SOURCE} />
      <Profiler
        id="overlay"
        onRender={() => {
          renders += 1;
        }}
      >
        <ProgressOverlay source={SOURCE}>
          <JobsPanel source={SOURCE} />
        </ProgressOverlay>
      </Profiler>
      <JobNotices />
    </JobsProvider>,
  );
  await waitFor(() => expect(create).toBeDefined());
  await screen.findByText('No jobs yet.');
  errors = vi.spyOn(console, 'error');
  return {
    create: (job: JobConfig) => (create as Create)(job),
    finish: () => finish(),
    /** Renders of the overlay and the panel so far. */
    renders: () => renders,
  };
}

const depthWarnings = () =>
  (errors?.mock.calls ?? []).filter((call) => call.some((arg) => String(arg).includes('Maximum update depth')));
const region = () => document.querySelector('[data-slot="progress-overlay-region"]') as HTMLElement;
const covered = () => region().querySelector('[data-slot="progress-overlay-overlay"]') !== null;
const exportAgain = () => screen.getByRole('button', { name: 'Export again' });

/** What a user sees once the burst is in: every job counted as running, the region covered, the action off. */
async function expectAllRunning() {
  const overlay = await screen.findByRole('group', { name: 'Export' });
  expect(within(overlay).getByText(`and ${BURST - 1} more`)).toBeVisible();
  expect(region().querySelector('[data-slot="progress-overlay-content"]')).toHaveAttribute('aria-busy', 'true');
  // The panel and the indicator read a page of 100 jobs, and count the jobs past it too.
  await waitFor(() => expect(within(region()).getByText(`${BURST} total, ${BURST} active`)).toBeInTheDocument());
  expect(screen.getByText(`${BURST} running`)).toBeInTheDocument();
  expect(exportAgain()).toHaveAttribute('aria-disabled', 'true');
}

/** Every job ends at once: the region, the action and the indicator are free again. */
async function expectAllEnded(finish: () => void) {
  finish();
  await waitFor(() => expect(covered()).toBe(false));
  expect(region().querySelector('[data-slot="progress-overlay-content"]')).not.toHaveAttribute('aria-busy');
  await waitFor(() => expect(exportAgain()).not.toHaveAttribute('aria-disabled'));
  await waitFor(() => expect(screen.queryByText(/ running$/)).toBeNull());
}

describe('a burst of foreground jobs under a ProgressOverlay', () => {
  it('created one after another in one task: all shown running in a few renders, no update-depth error', async () => {
    const { create, finish, renders } = await setup();
    const before = renders();
    // One task: each create waits for the previous answer (microtasks only), as a host looping over a selection.
    for (let i = 0; i < BURST; i += 1) await create({ ...config, input: { index: i } });

    await expectAllRunning();
    // One render per job would be 500; the burst is told to the views once (a handful of renders in all).
    expect(renders() - before).toBeLessThan(50);
    expect(depthWarnings()).toEqual([]);

    await expectAllEnded(finish);
    expect(depthWarnings()).toEqual([]);
  });

  it('created all at once: all shown running, no update-depth error', async () => {
    const { create, finish, renders } = await setup();
    const before = renders();
    await Promise.all(Array.from({ length: BURST }, (_, i) => create({ ...config, input: { index: i } })));

    await expectAllRunning();
    expect(renders() - before).toBeLessThan(50);
    expect(depthWarnings()).toEqual([]);

    await expectAllEnded(finish);
    expect(depthWarnings()).toEqual([]);
  });
});
