import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Job, JobsClientError } from '../../src/core';
import { createMemoryJobsClient, type JobHandlerContext, type MemoryJobsClient } from '../../src/memory';
import { JobsProvider, OutcomeDialog, ProgressOverlay } from '../../src';
import { counting, deferred } from '../react/helpers';

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** A handler the test drives: it records each job's tick and finishes when told. */
function manual() {
  const running = new Map<string, { tick: JobHandlerContext['tick']; finish: (error?: Error) => void }>();
  const handler = async (job: Job, { tick }: JobHandlerContext) => {
    const done = deferred<Error | undefined>();
    running.set(job.id, { tick, finish: (error) => done.resolve(error) });
    const error = await done.promise;
    if (error) throw error;
  };
  return { running, handler };
}

function Host({
  client,
  renders,
  stallAfterMs,
  withOutcomes,
}: {
  client: MemoryJobsClient | ReturnType<typeof counting>['client'];
  renders?: { count: number };
  stallAfterMs?: number;
  withOutcomes?: boolean;
}) {
  return (
    <JobsProvider client={client} pollInterval={500} {...(withOutcomes ? { currentUserId: 'us_usr_memory' } : {})}>
      {withOutcomes ? <OutcomeDialog /> : null}
      <ProgressOverlay source="us_sh_1" region="toolbar" {...(stallAfterMs ? { stallAfterMs } : {})}>
        <div role="toolbar" aria-label="Sheet toolbar">
          <button type="button">Filter</button>
        </div>
      </ProgressOverlay>
      <ProgressOverlay source="us_sh_1" {...(stallAfterMs ? { stallAfterMs } : {})}>
        <Table renders={renders} />
      </ProgressOverlay>
    </JobsProvider>
  );
}

function Table({ renders }: { renders?: { count: number } | undefined }) {
  if (renders) renders.count += 1;
  return (
    <table aria-label="Contacts">
      <tbody>
        <tr>
          <td>
            <input aria-label="Name" defaultValue="Ada" />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The texts of the notices shown in any region. */
const notices = () =>
  [...document.querySelectorAll('[data-slot="progress-overlay-notice"] > span')].map((n) => n.textContent);

const regionOf = (name: string) =>
  screen
    .getByRole(name === 'toolbar' ? 'toolbar' : 'table', { hidden: true })
    .closest('[data-slot="progress-overlay-content"]') as HTMLElement;

let engine: MemoryJobsClient;
let running: ReturnType<typeof manual>['running'];

beforeEach(() => {
  vi.useFakeTimers();
  const m = manual();
  running = m.running;
  engine = createMemoryJobsClient({ handlers: { 'sheet:dedupe': m.handler, 'sheet:export': m.handler } });
});

afterEach(() => {
  engine.dispose();
  vi.useRealTimers();
});

async function start(mode: Job['mode'], operation = 'dedupe', source = 'us_sh_1') {
  const job = await engine.create({ type: 'sheet', operation, source, mode });
  await advance(20);
  return job.id;
}

describe('ProgressOverlay', () => {
  it('covers the resource and its toolbar while a foreground job runs, and frees them when it ends', async () => {
    render(<Host client={engine} />);
    const id = await start('foreground');
    expect(regionOf('table').inert).toBe(true);
    expect(regionOf('table')).toHaveAttribute('aria-busy', 'true');
    expect(regionOf('toolbar').inert).toBe(true);
    expect(screen.getAllByRole('group', { name: 'Dedupe' })).toHaveLength(1);

    await act(() => running.get(id)?.tick(40, 'Comparing records'));
    await advance(10);
    expect(screen.getAllByText('Comparing records')).toHaveLength(1);

    running.get(id)?.finish();
    await advance(20);
    expect(regionOf('table').inert).toBe(false);
    expect(regionOf('table')).not.toHaveAttribute('aria-busy');
    expect(screen.queryByRole('group', { name: 'Dedupe' })).not.toBeInTheDocument();
  });

  it('shows the controls of a foreground job once, over the resource, and only its name over the toolbar', async () => {
    render(<Host client={engine} />);
    await start('foreground');
    const table = regionOf('table').parentElement as HTMLElement;
    const toolbar = regionOf('toolbar').parentElement?.querySelector(
      '[data-slot="progress-overlay-overlay"]',
    ) as HTMLElement;
    expect(screen.getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);
    expect(within(table).getByRole('group', { name: 'Dedupe' })).toBeInTheDocument();
    expect(within(table).getByRole('progressbar', { name: 'Dedupe' })).toBeInTheDocument();
    expect(within(toolbar).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(toolbar).queryByRole('button')).not.toBeInTheDocument();
    // The toolbar shows the name; screen readers hear where the controls are.
    const elsewhere = toolbar.querySelector('[data-slot="progress-overlay-elsewhere"]') as HTMLElement;
    expect(elsewhere).toHaveTextContent('Dedupe');
    expect(
      within(elsewhere).getByText(
        '“Dedupe” is running: its progress and Cancel are on the panel over the content it blocks.',
      ),
    ).toBeInTheDocument();
  });

  it('moves focus from the toolbar to the one panel, and back when the job ends', async () => {
    render(<Host client={engine} />);
    const filter = screen.getByRole('button', { name: 'Filter' });
    filter.focus();
    const id = await start('foreground');
    expect(screen.getByRole('group', { name: 'Dedupe' })).toHaveFocus();
    running.get(id)?.finish();
    await advance(20);
    expect(filter).toHaveFocus();
  });

  it('keeps the toolbar strip for a toolbarBlocking job while a foreground job holds the resource', async () => {
    render(<Host client={engine} />);
    await start('foreground');
    await start('toolbarBlocking', 'export');
    const table = regionOf('table').parentElement as HTMLElement;
    const toolbar = regionOf('toolbar').parentElement as HTMLElement;
    expect(within(table).getByRole('group', { name: 'Dedupe' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('group', { name: 'Export' })).toBeInTheDocument();
    expect(within(toolbar).queryByText('and 1 more')).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Cancel' })).toHaveLength(2);
  });

  it('shows the controls of a foreground job over the toolbar when the resource is not on screen', async () => {
    render(
      <JobsProvider client={engine}>
        <ProgressOverlay source="us_sh_1" region="toolbar">
          <button type="button">Filter</button>
        </ProgressOverlay>
      </JobsProvider>,
    );
    await start('foreground');
    expect(screen.getByRole('group', { name: 'Dedupe' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  it('covers only the toolbar for a toolbarBlocking job, and nothing for background or hidden jobs', async () => {
    render(<Host client={engine} />);
    await start('toolbarBlocking');
    expect(regionOf('toolbar').inert).toBe(true);
    expect(regionOf('table').inert).toBe(false);
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-busy');
  });

  it.each(['background', 'hidden', undefined] as const)('blocks nothing for a %s job', async (mode) => {
    render(<Host client={engine} />);
    await start(mode);
    expect(regionOf('toolbar').inert).toBe(false);
    expect(regionOf('table').inert).toBe(false);
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });

  it('ignores jobs on other sources', async () => {
    render(<Host client={engine} />);
    await start('foreground', 'dedupe', 'us_sh_other');
    expect(regionOf('table').inert).toBe(false);
  });

  it('shows an indeterminate bar until progress comes, then the percentage with the ETA', async () => {
    render(<Host client={engine} />);
    const id = await start('foreground');
    const [bar] = screen.getAllByRole('progressbar', { name: 'Dedupe' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    for (let p = 10; p <= 40; p += 5) {
      await act(() => running.get(id)?.tick(p));
      await advance(500);
    }
    const [after] = screen.getAllByRole('progressbar', { name: 'Dedupe' });
    expect(after).toHaveAttribute('aria-valuenow', '40');
    expect(after).toHaveAttribute(
      'aria-valuetext',
      expect.stringMatching(/^40%, (about \d+ seconds?|less than a minute) left$/),
    );
  });

  it('uses the ETA the server sends', async () => {
    render(<Host client={engine} />);
    const id = await start('foreground');
    await act(() => running.get(id)?.tick(10, 'Working', new Date(Date.now() + 5 * 60_000)));
    await advance(1000);
    expect(screen.getAllByText('About 5 minutes left')).toHaveLength(1);
  });

  it('says when a job stalls and lets the user stop waiting, without losing the job', async () => {
    render(<Host client={engine} stallAfterMs={120_000} />);
    const id = await start('foreground');
    await act(() => running.get(id)?.tick(20));
    await advance(121_000);
    const table = regionOf('table').parentElement as HTMLElement;
    expect(within(table).getByText('No progress for 2 minutes.')).toBeInTheDocument();
    act(() => within(table).getByRole('button', { name: 'Stop waiting' }).click());
    // One click frees every region of the source, and the notice shows once, in the resource region.
    expect(regionOf('table').inert).toBe(false);
    expect(regionOf('toolbar').inert).toBe(false);
    expect(notices()).toEqual(['“Dedupe” keeps running; follow it in the jobs panel.']);
    expect(within(table).getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
    expect(engine.snapshot()[0]?.status).toBe('executing');
  });

  it('frees the region with a message when the job disappears', async () => {
    const { client } = counting(engine, { push: false });
    let gone = false;
    const get = client.get;
    client.get = (jobId, options) =>
      gone ? Promise.reject(new JobsClientError('not-found', 'gone')) : get(jobId, options);
    // A client without events learns of jobs from its reads: this one was running before the page loaded.
    await start('foreground');
    render(<Host client={client} />);
    await advance(600);
    expect(regionOf('table').inert).toBe(true);
    gone = true;
    await advance(1100);
    expect(regionOf('table').inert).toBe(false);
    expect(notices()).toEqual(['“Dedupe” can no longer be found. You can carry on.']);
  });

  it('frees the region when reads of the job keep failing', async () => {
    const { client } = counting(engine, { push: false });
    let failing = false;
    const get = client.get;
    client.get = (jobId, options) =>
      failing ? Promise.reject(new JobsClientError('server', 'down')) : get(jobId, options);
    await start('foreground');
    render(<Host client={client} />);
    await advance(600);
    expect(regionOf('table').inert).toBe(true);
    failing = true;
    await advance(10_000);
    expect(regionOf('table').inert).toBe(false);
    expect(notices()).toEqual(['Lost contact with “Dedupe”. You can carry on; it may still be running.']);
  });

  it('cancels the job from the overlay', async () => {
    render(<Host client={engine} />);
    await start('foreground');
    const [cancel] = screen.getAllByRole('button', { name: 'Cancel' });
    await act(async () => cancel?.click());
    await advance(20);
    expect(engine.snapshot()[0]?.status).toBe('canceled');
    expect(regionOf('table').inert).toBe(false);
  });

  it('shows a failed cancel with a way to try again', async () => {
    engine.setFaults({ failNext: { cancel: 1 } });
    render(<Host client={engine} />);
    await start('foreground');
    const panel = screen.getByRole('group', { name: 'Dedupe' });
    await act(async () => within(panel).getByRole('button', { name: 'Cancel' }).click());
    await advance(20);
    expect(within(panel).getByRole('alert')).toHaveTextContent('Could not cancel “Dedupe”');
    await act(async () => within(panel).getByRole('button', { name: 'Try again' }).click());
    await advance(20);
    expect(engine.snapshot()[0]?.status).toBe('canceled');
  });

  it('shows the first of several blocking jobs and how many more', async () => {
    render(<Host client={engine} />);
    const first = await start('foreground');
    await start('foreground', 'export');
    expect(screen.getAllByText('and 1 more')).toHaveLength(1);
    running.get(first)?.finish();
    await advance(20);
    expect(screen.getAllByRole('group', { name: 'Export' })).toHaveLength(1);
    expect(screen.queryByText('and 1 more')).not.toBeInTheDocument();
  });

  it('moves focus out of a region it blocks, and back when the job ends', async () => {
    render(<Host client={engine} />);
    const input = screen.getByLabelText('Name');
    input.focus();
    const id = await start('foreground');
    expect(screen.getByRole('group', { name: 'Dedupe' })).toHaveFocus();
    running.get(id)?.finish();
    await advance(20);
    expect(input).toHaveFocus();
  });

  it('keeps focus on the page when the overlay that held it goes away', async () => {
    render(<Host client={engine} />);
    const id = await start('foreground');
    const panel = screen.getByRole('group', { name: 'Dedupe' });
    within(panel).getByRole('button', { name: 'Cancel' }).focus();
    running.get(id)?.finish(new Error('Disk full'));
    await advance(20);
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
  });

  it('re-renders the overlay on a tick, not the content it covers', async () => {
    const renders = { count: 0 };
    render(<Host client={engine} renders={renders} />);
    const id = await start('foreground');
    const before = renders.count;
    for (let p = 1; p <= 20; p += 1) {
      await act(() => running.get(id)?.tick(p));
      await advance(100);
    }
    expect(screen.getAllByRole('progressbar')[0]).toHaveAttribute('aria-valuenow', '20');
    expect(renders.count).toBe(before);
  });

  it('announces a whole job in at most six messages, once however many overlays show it', async () => {
    render(<Host client={engine} />);
    const polite = document.querySelector('[data-slot="live-region-polite"]') as HTMLElement;
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push((polite.textContent ?? '').replace('\u200d', '')));
    observer.observe(polite, { childList: true, characterData: true, subtree: true });
    const id = await start('foreground');
    for (let p = 5; p <= 100; p += 5) {
      await act(() => running.get(id)?.tick(p));
      await advance(200);
    }
    running.get(id)?.finish();
    await advance(50);
    observer.disconnect();
    expect(said).toEqual([
      'Dedupe started.',
      'Dedupe: 25% done.',
      'Dedupe: 50% done.',
      'Dedupe: 75% done.',
      'Dedupe finished.',
    ]);
  });

  it('announces a failure assertively and shows it in the region until dismissed', async () => {
    render(<Host client={engine} />);
    const id = await start('foreground');
    running.get(id)?.finish(new Error('Disk full'));
    await advance(20);
    const assertive = document.querySelector('[data-slot="live-region-assertive"]') as HTMLElement;
    expect(assertive).toHaveTextContent('Dedupe failed. Disk full');
    expect(notices()).toEqual(['“Dedupe” failed. Disk full']);
    await advance(60_000);
    expect(notices()).toEqual(['“Dedupe” failed. Disk full']);
    act(() => screen.getByRole('button', { name: 'Dismiss' }).click());
    expect(notices()).toEqual([]);
  });

  it('leaves a failure that pops up in a mounted outcome dialog to that dialog', async () => {
    render(<Host client={engine} withOutcomes />);
    const job = await engine.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1', mode: 'foreground' });
    await advance(20);
    // The engine's jobs are created by its actor, who is the provider's current user here.
    running.get(job.id)?.finish(new Error('Disk full'));
    await advance(20);
    expect(regionOf('table').inert).toBe(false);
    expect(screen.getByRole('dialog', { name: 'Dedupe failed' })).toBeInTheDocument();
    expect(notices()).toEqual([]);
    expect(document.querySelector('[data-slot="live-region-assertive"]')).toHaveTextContent('Dedupe failed. Disk full');
  });

  it('leaves no timer behind after unmount', async () => {
    const { unmount } = render(<Host client={engine} />);
    await start('foreground');
    await advance(3000);
    engine.dispose();
    unmount();
    await advance(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
