import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobConfig } from '../../src/core';
import { createMemoryJobsClient, JobFailure, type MemoryJobsClient } from '../../src/memory';
import { JobNotices, JobsProvider, OutcomeDialog, useCreateJob } from '../../src';
import { declareActEnvironment } from '../act-environment';

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const click = (element: HTMLElement) => act(() => element.click());

let engine: MemoryJobsClient;
let failures: number;

declareActEnvironment();

beforeEach(() => {
  vi.useFakeTimers();
  failures = 1;
  engine = createMemoryJobsClient({
    handlers: {
      'workbook:export': () => ({ outcome: { message: 'Exported 12 rows' } }),
      'workbook:sync': () => {
        if (failures-- > 0)
          throw new JobFailure('The CRM refused the records', {
            acknowledge: true,
            message: 'The CRM refused the records.\nCheck the API key.',
          });
      },
    },
  });
});

afterEach(() => {
  engine.dispose();
  vi.useRealTimers();
});

function Starter({ config }: { config: Partial<JobConfig> }) {
  const create = useCreateJob();
  const label = config.operation === 'sync' ? 'Sync' : 'Export';
  return (
    <button
      type="button"
      onClick={() =>
        create.mutate({ type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'background', ...config })
      }
    >
      {label}
    </button>
  );
}

function Host({ duration, currentUserId }: { duration?: number; currentUserId?: string }) {
  return (
    <JobsProvider client={engine} {...(currentUserId ? { currentUserId } : {})}>
      <Starter config={{}} />
      <Starter config={{ operation: 'sync' }} />
      <JobNotices {...(duration === undefined ? {} : { duration })} />
      <OutcomeDialog />
    </JobsProvider>
  );
}

const region = () => screen.getByRole('status', { name: 'Job notifications' });

async function run(name: 'Export' | 'Sync') {
  await click(screen.getByRole('button', { name }));
  await advance(50);
}

describe('JobNotices', () => {
  it('says when a background job the user started finishes, in one polite region, with no dialog', async () => {
    render(<Host />);
    expect(region()).toHaveAttribute('aria-live', 'polite');
    expect(region()).toBeEmptyDOMElement();
    await run('Export');
    expect(within(region()).getByText('Export finished.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getAllByRole('status', { name: 'Job notifications' })).toHaveLength(1);
  });

  it('lets a success notice go after a while, but not while hovered or focused', async () => {
    render(<Host duration={6000} />);
    await run('Export');
    fireEvent.mouseEnter(region());
    await advance(10_000);
    expect(within(region()).getByText('Export finished.')).toBeInTheDocument();
    fireEvent.mouseLeave(region());
    act(() =>
      within(region())
        .getByRole('button', { name: /Dismiss/ })
        .focus(),
    );
    await advance(10_000);
    expect(within(region()).getByText('Export finished.')).toBeInTheDocument();
    act(() => (document.activeElement as HTMLElement).blur());
    await advance(5_900);
    expect(within(region()).getByText('Export finished.')).toBeInTheDocument();
    await advance(200);
    expect(region()).toBeEmptyDOMElement();
  });

  it('shows a failure with its message, never lets it go by itself, and retries it', async () => {
    render(<Host />);
    await run('Sync');
    const notice = region().querySelector('[data-slot="job-notice"]') as HTMLElement;
    expect(notice).toHaveAttribute('data-status', 'failed');
    expect(notice).toHaveTextContent('Sync failed.');
    expect(within(notice).getByText(/The CRM refused the records\./)).toHaveTextContent('Check the API key.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await advance(60_000);
    expect(within(region()).getByText('Sync failed.')).toBeInTheDocument();
    await click(within(notice).getByRole('button', { name: 'Retry' }));
    await advance(50);
    expect(engine.snapshot()[0]?.status).toBe('complete');
    expect(within(region()).queryByText('Sync failed.')).not.toBeInTheDocument();
    expect(within(region()).getByText('Sync finished.')).toBeInTheDocument();
  });

  it('can be dismissed', async () => {
    render(<Host />);
    await run('Sync');
    await click(within(region()).getByRole('button', { name: 'Dismiss: Sync' }));
    expect(region()).toBeEmptyDOMElement();
  });

  it('shows nothing for foreground or hidden jobs, nor for jobs someone else started', async () => {
    render(<Host currentUserId="us_usr_me" />);
    await act(() => engine.create({ type: 'workbook', operation: 'export', source: 's', mode: 'background' }));
    await advance(50);
    expect(region()).toBeEmptyDOMElement();
    render(
      <JobsProvider client={engine}>
        <Starter config={{ mode: 'hidden', operation: 'hiddenExport' }} />
        <Starter config={{ mode: 'foreground', operation: 'sync' }} />
        <JobNotices />
      </JobsProvider>,
    );
    engine.register('workbook:hiddenExport', () => {});
    const [, second] = screen.getAllByRole('status', { name: 'Job notifications' }) as [HTMLElement, HTMLElement];
    await click(screen.getAllByRole('button', { name: 'Export' })[1] as HTMLElement);
    await click(screen.getAllByRole('button', { name: 'Sync' })[1] as HTMLElement);
    await advance(50);
    expect(engine.snapshot().map((job) => [job.mode, job.status])).toEqual([
      ['background', 'complete'],
      ['hidden', 'complete'],
      ['foreground', 'failed'],
    ]);
    expect(second).toBeEmptyDOMElement();
  });

  it('counts jobs created by the current user as theirs', async () => {
    render(<Host currentUserId="us_usr_memory" />);
    await act(() => engine.create({ type: 'workbook', operation: 'export', source: 's', mode: 'background' }));
    await advance(50);
    expect(within(region()).getByText('Export finished.')).toBeInTheDocument();
  });
});
