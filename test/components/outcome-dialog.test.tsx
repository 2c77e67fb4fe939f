import { act, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobConfig, JobOutcome, JobsClient } from '../../src/core';
import { createMemoryJobsClient, JobFailure, type MemoryJobsClient, type MemorySeedJob } from '../../src/memory';
import {
  JobsProvider,
  type JobsProviderProps,
  OutcomeDialog,
  useCreateJob,
  useJob,
  useJobs,
  useOutcome,
} from '../../src';
import { counting } from '../react/helpers';
import { declareActEnvironment } from '../act-environment';

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const click = (element: HTMLElement) => act(() => element.click());

let outcome: JobOutcome;
let engine: MemoryJobsClient;
let links: { href: string; target: string; rel: string; download: string | null }[];
let warn: ReturnType<typeof vi.spyOn>;

function makeEngine(options: { jobs?: MemorySeedJob[]; ackFailures?: number; slowAck?: number } = {}) {
  return createMemoryJobsClient({
    handlers: {
      'workbook:export': () => ({ outcome }),
      'workbook:submit': () => {
        throw new JobFailure('Submit failed', outcome);
      },
    },
    jobs: options.jobs ?? [],
    faults: {
      failNext: { acknowledgeOutcome: options.ackFailures ?? 0 },
      slow: { acknowledgeOutcome: options.slowAck ?? 0 },
    },
  });
}

declareActEnvironment();

beforeEach(() => {
  vi.useFakeTimers();
  outcome = { acknowledge: true, heading: 'Export ready', message: 'Your file is ready.\nIt has 12 rows.' };
  engine = makeEngine();
  links = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    links.push({
      href: this.getAttribute('href') ?? '',
      target: this.target,
      rel: this.rel,
      download: this.getAttribute('download'),
    });
  });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  engine.dispose();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function Starter({ config }: { config: JobConfig }) {
  const create = useCreateJob();
  return (
    <button type="button" onClick={() => create.mutate(config)}>
      Start
    </button>
  );
}

type HostProps = Partial<Omit<JobsProviderProps, 'children'>> & { config?: Partial<JobConfig>; children?: ReactNode };

function Host({ client = engine, config, children, ...rest }: HostProps & { client?: JobsClient }) {
  return (
    <JobsProvider client={client} {...rest}>
      <Starter config={{ type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground', ...config }} />
      {children ?? <OutcomeDialog />}
    </JobsProvider>
  );
}

async function start() {
  // `hidden`: a modal dialog already open hides the page from the accessibility tree.
  await click(screen.getByText('Start', { selector: 'button' }));
  await advance(50);
}

const dialog = () => screen.getByRole('dialog');
const acknowledged = () => engine.snapshot().map((job) => job.outcomeAcknowledgedAt !== undefined);

describe('OutcomeDialog', () => {
  it('pops up the outcome of a job the user started: heading, message with its line breaks, buttons', async () => {
    outcome = {
      ...outcome,
      buttonText: 'Got it',
      next: { type: 'url', url: 'https://example.com/r', label: 'Open report' },
    };
    render(<Host />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await start();
    expect(dialog()).toHaveAccessibleName('Export ready');
    expect(dialog()).toHaveAttribute('data-status', 'complete');
    const message = within(dialog()).getByText(/Your file is ready/);
    expect(message.innerHTML).toBe('Your file is ready.<br>It has 12 rows.');
    expect(within(dialog()).getByRole('button', { name: 'Got it' })).toBeInTheDocument();
    expect(within(dialog()).getByRole('button', { name: /Open report/ })).toHaveFocus();
  });

  it('falls back to the job’s name and how it ended, and shows text as text', async () => {
    outcome = { acknowledge: true, message: '<img src=x onerror=alert(1)>' };
    render(<Host config={{ operation: 'submit' }} />);
    await start();
    expect(dialog()).toHaveAccessibleName('Submit failed');
    expect(dialog()).toHaveAttribute('data-status', 'failed');
    expect(within(dialog()).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(dialog().querySelector('img')).toBeNull();
  });

  it('does not pop up for background jobs, jobs without acknowledge, or jobs someone else started', async () => {
    const { rerender } = render(<Host config={{ mode: 'background' }} />);
    await start();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    outcome = { message: 'Done' };
    rerender(<Host config={{ mode: 'foreground' }} />);
    await start();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    outcome = { acknowledge: true, message: 'Theirs' };
    await act(() => engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground' }));
    await advance(50);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('never pops up an acknowledged outcome again, as after a reload; an unacknowledged one of the user does', async () => {
    engine = makeEngine({
      jobs: [
        {
          id: 'us_jb_seen',
          type: 'workbook',
          operation: 'export',
          source: 's',
          status: 'complete',
          mode: 'foreground',
          finishedAt: new Date(1),
          outcome: { acknowledge: true, heading: 'Seen' },
          outcomeAcknowledgedAt: new Date(2),
        },
        {
          id: 'us_jb_new',
          type: 'workbook',
          operation: 'export',
          source: 's',
          status: 'complete',
          mode: 'foreground',
          finishedAt: new Date(3),
          outcome: { acknowledge: true, heading: 'Not seen yet' },
        },
      ],
    });
    function Reader({ id }: { id: string }) {
      useJob(id);
      return null;
    }
    render(
      <Host currentUserId="us_usr_memory">
        <Reader id="us_jb_seen" />
        <OutcomeDialog />
      </Host>,
    );
    await advance(50);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    render(
      <Host currentUserId="us_usr_memory">
        <Reader id="us_jb_new" />
        <OutcomeDialog />
      </Host>,
    );
    await advance(50);
    expect(dialog()).toHaveAccessibleName('Not seen yet');
  });

  it('acknowledges exactly once, however often the button is clicked', async () => {
    engine = makeEngine({ slowAck: 200 });
    const { client, calls } = counting(engine, { push: true });
    render(<Host client={client} />);
    await start();
    const close = within(dialog()).getByRole('button', { name: 'Close' });
    await click(close);
    await click(close);
    expect(close).toHaveTextContent('Closing…');
    expect(close).toHaveAttribute('aria-disabled', 'true');
    fireEvent.keyDown(dialog(), { key: 'Escape' });
    expect(dialog()).toBeInTheDocument();
    await advance(250);
    expect(calls.acknowledgeOutcome).toBe(1);
    expect(acknowledged()).toEqual([true]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a failed acknowledgement and retries it; the dialog stays until it succeeds', async () => {
    engine = makeEngine({ ackFailures: 1 });
    render(<Host />);
    await start();
    await click(within(dialog()).getByRole('button', { name: 'Close' }));
    await advance(50);
    expect(within(dialog()).getByRole('alert')).toHaveTextContent(
      'Could not record that you saw this: Simulated server error',
    );
    expect(acknowledged()).toEqual([false]);
    await click(within(dialog()).getByRole('button', { name: 'Close' }));
    await advance(50);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(acknowledged()).toEqual([true]);
  });

  it('shows one outcome at a time, oldest first', async () => {
    render(<Host />);
    outcome = { acknowledge: true, heading: 'First' };
    await start();
    outcome = { acknowledge: true, heading: 'Second' };
    await start();
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(dialog()).toHaveAccessibleName('First');
    await click(within(dialog()).getByRole('button', { name: 'Close' }));
    await advance(50);
    expect(dialog()).toHaveAccessibleName('Second');
  });

  it('shows outcomes that arrive together in one list oldest first, whatever the list’s order', async () => {
    const ended = (id: string, heading: string, minutes: number): MemorySeedJob => ({
      id,
      type: 'workbook',
      operation: 'export',
      source: 'us_wb_1',
      status: 'complete',
      mode: 'foreground',
      createdBy: 'us_usr_ada',
      createdAt: new Date(Date.UTC(2026, 0, 1, 9, minutes)),
      finishedAt: new Date(Date.UTC(2026, 0, 1, 9, minutes + 1)),
      outcome: { acknowledge: true, heading },
    });
    engine = makeEngine({ jobs: [ended('us_jb_old', 'Older', 0), ended('us_jb_new', 'Newer', 10)] });
    function List() {
      useJobs({ source: 'us_wb_1', sortDirection: 'desc' });
      return null;
    }
    render(
      <Host currentUserId="us_usr_ada">
        <OutcomeDialog />
        <List />
      </Host>,
    );
    await advance(50);
    expect(dialog()).toHaveAccessibleName('Older');
    await click(within(dialog()).getByRole('button', { name: 'Close' }));
    await advance(50);
    expect(dialog()).toHaveAccessibleName('Newer');
  });
});

/** Spies on jsdom's own `location.assign` (the page's cannot be replaced): the URL the page would go to. */
function spyOnAssign() {
  const location = window.location as unknown as Record<symbol, { assign(url: string): void }>;
  const impl = Object.getOwnPropertySymbols(location)
    .map((symbol) => location[symbol])
    .find((value) => typeof value?.assign === 'function');
  if (impl === undefined) throw new Error('jsdom location implementation not found');
  return vi.spyOn(impl, 'assign').mockImplementation(() => {});
}

async function runNext(name: RegExp | string) {
  await click(within(dialog()).getByRole('button', { name }));
  await advance(50);
}

describe('OutcomeDialog next actions', () => {
  it('id: navigates through the provider with id, path and query, then acknowledges', async () => {
    const navigate = vi.fn();
    outcome = {
      ...outcome,
      next: { type: 'id', id: 'us_sp_1', path: 'files', query: 'mode=export', label: 'See all downloads' },
    };
    render(<Host navigate={navigate} />);
    await start();
    await runNext('See all downloads');
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ id: 'us_sp_1', path: 'files', query: 'mode=export' });
    expect(acknowledged()).toEqual([true]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('id without a navigate handler: goes to the relative space/<id>/<path>?<query>', async () => {
    const assign = spyOnAssign();
    outcome = { ...outcome, next: { type: 'id', id: 'us_sp_1', path: 'files', query: 'mode=export' } };
    render(<Host />);
    await start();
    await runNext('Open');
    expect(assign).toHaveBeenCalledExactlyOnceWith('space/us_sp_1/files?mode=export');
  });

  it('url: opens a new tab with noopener noreferrer', async () => {
    outcome = { ...outcome, next: { type: 'url', url: 'https://example.com/report' } };
    render(<Host />);
    await start();
    await runNext(/Open link/);
    expect(links).toEqual([
      { href: 'https://example.com/report', target: '_blank', rel: 'noopener noreferrer', download: null },
    ]);
    expect(acknowledged()).toEqual([true]);
  });

  it('url with replace: follows the link in the current tab, and says nothing of a new tab', async () => {
    const assign = spyOnAssign();
    outcome = { ...outcome, next: { type: 'url', url: 'https://example.com/report', replace: true } };
    render(<Host />);
    await start();
    expect(within(dialog()).getByRole('button', { name: 'Open link' })).toBeInTheDocument();
    await runNext('Open link');
    expect(assign).toHaveBeenCalledExactlyOnceWith('https://example.com/report');
    expect(links).toEqual([]);
  });

  it('download: through the provider’s handler, or a link with a download attribute', async () => {
    const download = vi.fn();
    outcome = { ...outcome, next: { type: 'download', url: '/files/1', fileName: 'report.csv' } };
    const { unmount } = render(<Host download={download} />);
    await start();
    await runNext('Download');
    expect(download).toHaveBeenCalledExactlyOnceWith({ url: '/files/1', fileName: 'report.csv' });
    expect(links).toEqual([]);
    unmount();
    outcome = { ...outcome, next: { type: 'download', url: 'https://cdn.example.com/r.csv', fileName: 'report.csv' } };
    render(<Host />);
    await start();
    await runNext('Download');
    expect(links).toEqual([
      { href: 'https://cdn.example.com/r.csv', target: '_blank', rel: 'noopener noreferrer', download: 'report.csv' },
    ]);
  });

  it('download to the same origin: a plain download link, no new tab', async () => {
    outcome = { ...outcome, next: { type: 'download', url: '/files/1' } };
    render(<Host />);
    await start();
    await runNext('Download');
    expect(links).toEqual([{ href: '/files/1', target: '', rel: '', download: '' }]);
  });

  it('files: resolves each file id, then downloads each; refuses without a resolver', async () => {
    const resolveFileUrl = vi.fn(async (fileId: string) => `/files/${fileId}/download`);
    const download = vi.fn();
    outcome = {
      ...outcome,
      next: { type: 'files', files: [{ fileId: 'us_fl_1', label: 'a.csv' }, { fileId: 'us_fl_2' }] },
    };
    const { unmount } = render(<Host resolveFileUrl={resolveFileUrl} download={download} />);
    await start();
    await runNext('Download files');
    expect(resolveFileUrl.mock.calls).toEqual([['us_fl_1'], ['us_fl_2']]);
    expect(download.mock.calls).toEqual([
      [{ url: '/files/us_fl_1/download', fileName: 'a.csv' }],
      [{ url: '/files/us_fl_2/download' }],
    ]);
    unmount();
    render(<Host />);
    await start();
    await runNext('Download files');
    expect(within(dialog()).getByRole('alert')).toHaveTextContent('These files cannot be downloaded here');
    expect(acknowledged()).toEqual([true, false]);
  });

  it('snapshot, view and clearFilters: hand their targets to the provider’s handlers', async () => {
    const onSnapshot = vi.fn();
    const onView = vi.fn();
    const onClearFilters = vi.fn();
    render(<Host onSnapshot={onSnapshot} onView={onView} onClearFilters={onClearFilters} />);
    outcome = { ...outcome, next: { type: 'snapshot', snapshotId: 'us_ss_1', sheetId: 'us_sh_1' } };
    await start();
    await runNext('View snapshot');
    outcome = { ...outcome, next: { type: 'view', sheetId: 'us_sh_1', hiddenColumns: ['email'], label: 'Hide email' } };
    await start();
    await runNext('Hide email');
    outcome = { ...outcome, next: { type: 'clearFilters', sheetIds: ['us_sh_1'] } };
    await start();
    await runNext('Clear filters');
    expect(onSnapshot).toHaveBeenCalledExactlyOnceWith({ snapshotId: 'us_ss_1', sheetId: 'us_sh_1' });
    expect(onView).toHaveBeenCalledExactlyOnceWith({ sheetId: 'us_sh_1', hiddenColumns: ['email'] });
    expect(onClearFilters).toHaveBeenCalledExactlyOnceWith({ sheetIds: ['us_sh_1'] });
    expect(acknowledged()).toEqual([true, true, true]);
  });

  it('a handler the provider lacks: warns in development and closes', async () => {
    outcome = { ...outcome, next: { type: 'view', sheetId: 'us_sh_1', hiddenColumns: [] } };
    render(<Host />);
    await start();
    await runNext('Update view');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('onView'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('retry: retries the job (whose outcome is replaced, not acknowledged); it runs and ends again', async () => {
    const { client, calls } = counting(engine, { push: true });
    outcome = { acknowledge: true, message: 'Could not reach the CRM', next: { type: 'retry' } };
    render(<Host client={client} config={{ operation: 'submit' }} />);
    await start();
    await runNext('Try again');
    expect(calls.retry).toBe(1);
    expect(calls.acknowledgeOutcome).toBe(0);
    expect(dialog()).toHaveAccessibleName('Submit failed');
    expect(engine.snapshot()[0]?.finishedAt).toBeDefined();
  });

  it.each([
    ['url', { type: 'url', url: 'javascript:alert(1)' }, /Open link/],
    ['download', { type: 'download', url: ' JaVa\tScRiPt:alert(1)', fileName: 'x.csv' }, 'Download'],
    ['download with an entity', { type: 'download', url: '&#106;avascript:alert(1)' }, 'Download'],
  ] as const)('a hostile %s is blocked: nothing opens and the dialog says so', async (_, next, name) => {
    const download = vi.fn();
    outcome = { ...outcome, next };
    render(<Host download={download} />);
    await start();
    await runNext(name);
    expect(within(dialog()).getByRole('alert')).toHaveTextContent(
      'The link was blocked because it is not a safe web address.',
    );
    expect(links).toEqual([]);
    expect(download).not.toHaveBeenCalled();
    expect(acknowledged()).toEqual([false]);
    await runNext('Close');
    expect(acknowledged()).toEqual([true]);
  });

  it('an unknown variant is ignored with a development warning; the default button still works', async () => {
    outcome = { ...outcome, hideDefaultButton: true, next: { type: 'teleport', to: 'mars' } as never };
    render(<Host />);
    await start();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown or malformed next'), expect.anything());
    expect(within(dialog()).getAllByRole('button')).toHaveLength(1);
    await runNext('Close');
    expect(acknowledged()).toEqual([true]);
  });

  it('hideDefaultButton leaves only the next button', async () => {
    outcome = { ...outcome, hideDefaultButton: true, next: { type: 'url', url: 'https://example.com' } };
    render(<Host />);
    await start();
    expect(
      within(dialog())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Open link (opens in a new tab)']);
  });

  it('wait with fade: fades out, then acknowledges and closes', async () => {
    outcome = { ...outcome, next: { type: 'wait', fade: true } };
    render(<Host />);
    await start();
    expect(within(dialog()).getAllByRole('button')).toHaveLength(1);
    await click(within(dialog()).getByRole('button', { name: 'Close' }));
    expect(dialog()).toHaveAttribute('data-fading');
    expect(acknowledged()).toEqual([false]);
    await advance(350);
    expect(acknowledged()).toEqual([true]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('wait with confetti: a short burst, none under reduced motion', async () => {
    outcome = { ...outcome, next: { type: 'wait', confetti: true } };
    const { unmount } = render(<Host />);
    await start();
    expect(document.querySelector('[data-slot="outcome-dialog-confetti"]')).toHaveAttribute('aria-hidden', 'true');
    await advance(2000);
    expect(document.querySelector('[data-slot="outcome-dialog-confetti"]')).toBeNull();
    unmount();
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), media: query }));
    render(<Host />);
    await start();
    expect(dialog()).toBeInTheDocument();
    expect(document.querySelector('[data-slot="outcome-dialog-confetti"]')).toBeNull();
    vi.unstubAllGlobals();
  });
});

describe('OutcomeDialog triggers and on demand', () => {
  it('automatic: carries out next when the job ends, and still shows the outcome', async () => {
    outcome = { ...outcome, trigger: 'automatic', next: { type: 'url', url: 'https://example.com/r' } };
    render(<Host />);
    await start();
    expect(links).toHaveLength(1);
    expect(dialog()).toHaveAccessibleName('Export ready');
    expect(acknowledged()).toEqual([false]);
  });

  it('automatic_silent: carries out next and acknowledges, with nothing shown', async () => {
    const navigate = vi.fn();
    outcome = { ...outcome, trigger: { type: 'automatic_silent' }, next: { type: 'id', id: 'us_sp_1' } };
    render(<Host navigate={navigate} />);
    await start();
    expect(navigate).toHaveBeenCalledExactlyOnceWith({ id: 'us_sp_1' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(acknowledged()).toEqual([true]);
  });

  it('automatic_silent that is refused shows the outcome with the reason instead', async () => {
    outcome = { ...outcome, trigger: 'automatic_silent', next: { type: 'url', url: 'data:text/html,hi' } };
    render(<Host />);
    await start();
    expect(within(dialog()).getByRole('alert')).toHaveTextContent('The link was blocked');
    expect(links).toEqual([]);
  });

  it('originator audience: runs for the job’s creator only; others get the outcome to click through', async () => {
    const navigate = vi.fn();
    outcome = {
      ...outcome,
      trigger: { type: 'automatic_silent', audience: 'originator' },
      next: { type: 'id', id: 'us_sp_1' },
    };
    const { unmount } = render(<Host navigate={navigate} currentUserId="us_usr_someone_else" />);
    await start();
    expect(navigate).not.toHaveBeenCalled();
    expect(dialog()).toBeInTheDocument();
    unmount();
    render(<Host navigate={navigate} currentUserId="us_usr_memory" />);
    await start();
    expect(navigate).toHaveBeenCalledOnce();
    unmount();
  });

  it('originator audience without a current user: jobs started through this provider count as the user’s', async () => {
    const navigate = vi.fn();
    outcome = {
      ...outcome,
      trigger: { type: 'automatic', audience: 'originator' },
      next: { type: 'id', id: 'us_sp_1' },
    };
    render(<Host navigate={navigate} />);
    await start();
    expect(navigate).toHaveBeenCalledOnce();
  });

  it('shows one job’s outcome on demand; closing acknowledges it once, and not again when it was', async () => {
    engine = makeEngine({
      jobs: [
        {
          id: 'us_jb_1',
          type: 'workbook',
          operation: 'export',
          source: 's',
          status: 'complete',
          mode: 'background',
          finishedAt: new Date(1),
          outcome: { heading: 'Old export', message: 'Done' },
        },
      ],
    });
    const { client, calls } = counting(engine, { push: true });
    const onOpenChange = vi.fn();
    const { rerender } = render(
      <Host client={client}>
        <OutcomeDialog jobId="us_jb_1" onOpenChange={onOpenChange} />
      </Host>,
    );
    await advance(50);
    expect(dialog()).toHaveAccessibleName('Old export');
    await runNext('Close');
    expect(calls.acknowledgeOutcome).toBe(1);
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    rerender(
      <Host client={client}>
        <OutcomeDialog key="again" jobId="us_jb_1" />
      </Host>,
    );
    await advance(50);
    await runNext('Close');
    expect(calls.acknowledgeOutcome).toBe(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('with a jobId prop, even undefined, it is an on-demand dialog and pops nothing up by itself', async () => {
    render(
      <Host>
        <OutcomeDialog jobId={undefined} />
      </Host>,
    );
    await start();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('runs an automatic next once per outcome, even with two queues mounted', async () => {
    const navigate = vi.fn();
    outcome = { ...outcome, trigger: 'automatic_silent', next: { type: 'id', id: 'us_sp_1' } };
    render(
      <Host navigate={navigate}>
        <OutcomeDialog />
        <OutcomeDialog />
      </Host>,
    );
    await start();
    expect(navigate).toHaveBeenCalledOnce();
  });

  it('open={false} holds popups back until it is true', async () => {
    const { rerender } = render(
      <Host>
        <OutcomeDialog open={false} />
      </Host>,
    );
    await start();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    rerender(
      <Host>
        <OutcomeDialog open />
      </Host>,
    );
    expect(dialog()).toHaveAccessibleName('Export ready');
  });
});

describe('useOutcome', () => {
  it('sends one acknowledgement for calls made at once, from one view or two of the same outcome', async () => {
    engine = makeEngine({
      slowAck: 100,
      jobs: [
        {
          id: 'us_jb_1',
          type: 'workbook',
          operation: 'export',
          source: 's',
          status: 'failed',
          finishedAt: new Date(1),
          outcome: { acknowledge: true },
        },
      ],
    });
    const { client, calls } = counting(engine, { push: true });
    const { result } = renderHook(() => [useOutcome('us_jb_1'), useOutcome('us_jb_1')] as const, {
      wrapper: ({ children }) => <JobsProvider client={client}>{children}</JobsProvider>,
    });
    await advance(10);
    expect(result.current[0].heading).toBe('Export failed');
    let settled: boolean[] = [];
    await act(async () => {
      const all = Promise.all([
        result.current[0].acknowledge(),
        result.current[0].acknowledge(),
        result.current[1].acknowledge(),
      ]);
      await vi.advanceTimersByTimeAsync(150);
      settled = await all;
    });
    expect(settled).toEqual([true, true, true]);
    expect(calls.acknowledgeOutcome).toBe(1);
    expect(result.current[0].acknowledged).toBe(true);
    await act(() => result.current[1].acknowledge());
    expect(calls.acknowledgeOutcome).toBe(1);
  });
});
