import { act, render, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action, Job } from '../../src/core';
import type { MemoryJobsClient } from '../../src/memory';
import {
  ActionButton,
  JobNotices,
  JobsProvider,
  OutcomeDialog,
  ProgressOverlay,
  useCreateJob,
  useJob,
} from '../../src';
import { useAnnouncer } from '../../src/react/announcer';
import { heldExports } from '../react/helpers';

// The provider's fixed cost is the data layer: the live regions and the hidden-tab notifier arrive with
// the first component that needs them. These tests pin what a host sees when that component mounts late.

let visibility: DocumentVisibilityState = 'visible';

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const regions = () => document.querySelectorAll('[data-slot^="live-region"]');
const polite = () => document.querySelector('[data-slot="live-region-polite"]')?.textContent?.replace('\u200d', '');

let engine: MemoryJobsClient;
let finish: Map<string, (outcome: Job['outcome']) => void>;

beforeEach(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  visibility = 'visible';
  document.title = 'My app';
  ({ engine, finish } = heldExports());
});

afterEach(() => {
  engine.dispose();
  Reflect.deleteProperty(document, 'visibilityState');
});

const exportAction: Action = { label: 'Export', operation: 'export', mode: 'foreground', confirm: false };
const exportJob = { type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground' } as const;

/** A host's own UI, drawn from the data hooks only: a button that creates the export, and its status. */
function OwnUi() {
  const create = useCreateJob();
  const { data: job } = useJob(create.data?.id);
  return (
    <>
      <button type="button" onClick={() => create.mutate(exportJob)}>
        Run export
      </button>
      <button type="button" onClick={() => create.mutate({ ...exportJob, mode: 'background' })}>
        Run in background
      </button>
      <output aria-label="Own status">{job?.status ?? 'idle'}</output>
    </>
  );
}

function Host({ children }: { children?: ReactNode }) {
  return (
    <JobsProvider client={engine}>
      <OwnUi />
      {children}
    </JobsProvider>
  );
}

/** Runs the export through the host's own button and ends it with `outcome`. */
async function runOwnExport(outcome: Job['outcome'] = { heading: 'Export ready' }, button = 'Run export') {
  act(() => screen.getByRole('button', { name: button }).click());
  await waitFor(() => expect(finish.size).toBe(1));
  const [id] = [...finish.keys()];
  await act(async () => finish.get(id as string)?.(outcome));
  await waitFor(() => expect(screen.getByRole('status', { name: 'Own status' })).toHaveTextContent('complete'));
  finish.clear();
  return id as string;
}

describe('a host that renders no kit component', () => {
  it('gets no live region, and its title is left alone when the user’s job ends while the tab is hidden', async () => {
    render(<Host />);
    setVisibility('hidden');
    await runOwnExport();
    expect(document.title).toBe('My app');
    expect(regions()).toHaveLength(0);
  });
});

describe('the first kit component mounting after a job already ended', () => {
  it('the live regions arrive with the progress overlay, which announces its job', async () => {
    const { rerender } = render(<Host />);
    await runOwnExport();
    expect(regions()).toHaveLength(0);
    const job = await engine.create(exportJob);
    await waitFor(() => expect(finish.has(job.id)).toBe(true));
    // The overlay mounts on a running job: it announces the start in the same commit as it mounts.
    rerender(
      <Host>
        <ProgressOverlay source="us_wb_1">
          <p>Contacts</p>
        </ProgressOverlay>
      </Host>,
    );
    await waitFor(() => expect(polite()).toBe('Export started.'));
    expect(regions()).toHaveLength(2);
    await act(async () => finish.get(job.id)?.({ heading: 'Export ready' }));
    await waitFor(() => expect(polite()).toBe('Export finished.'));
  });

  it('a message said as the first announcing component mounts, before the regions are on screen, is said', async () => {
    function SaysOnMount() {
      const announcer = useAnnouncer();
      useEffect(() => announcer.announce('Import started.'), [announcer]);
      return null;
    }
    render(
      <Host>
        <SaysOnMount />
      </Host>,
    );
    await waitFor(() => expect(polite()).toBe('Import started.'));
  });

  it('renders the live regions once per provider, however many components announce', async () => {
    render(
      <StrictMode>
        <Host>
          <ProgressOverlay source="us_wb_1">
            <p>Contacts</p>
          </ProgressOverlay>
          <ProgressOverlay source="us_wb_2">
            <p>Orders</p>
          </ProgressOverlay>
        </Host>
      </StrictMode>,
    );
    await waitFor(() => expect(regions()).toHaveLength(2));
  });

  it('the outcome dialog shows an outcome that waited for acknowledgement before it mounted', async () => {
    const { rerender } = render(<Host />);
    await runOwnExport({ acknowledge: true, heading: 'Export ready', message: 'Your file is ready.' });
    rerender(
      <Host>
        <OutcomeDialog />
      </Host>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Export ready' });
    expect(dialog).toHaveTextContent('Your file is ready.');
  });

  it('the notices tell the background ends that follow their mount, not the ones before it', async () => {
    const { rerender } = render(<Host />);
    await runOwnExport(undefined, 'Run in background');
    rerender(
      <Host>
        <JobNotices />
      </Host>,
    );
    const notices = screen.getByRole('status', { name: 'Job notifications' });
    expect(notices).toBeEmptyDOMElement();
    await runOwnExport(undefined, 'Run in background');
    await waitFor(() => expect(within(notices).getAllByText('Export finished.')).toHaveLength(1));
  });

  it('the title tells the ends that follow the first action button, not the ones before it', async () => {
    const { rerender } = render(<Host />);
    setVisibility('hidden');
    await runOwnExport();
    expect(document.title).toBe('My app');
    setVisibility('visible');
    rerender(
      <Host>
        <ActionButton action={exportAction} domain="workbook" source="us_wb_1" />
      </Host>,
    );
    act(() => screen.getByRole('button', { name: 'Export' }).click());
    await waitFor(() => expect(finish.size).toBe(1));
    setVisibility('hidden');
    const [id] = [...finish.keys()];
    await act(async () => finish.get(id as string)?.({ heading: 'Export ready' }));
    await waitFor(() => expect(document.title).toBe('(1) Export ready · My app'));
    setVisibility('visible');
    expect(document.title).toBe('My app');
  });

  it('the hidden tab survives the remount of strict mode: it is stopped with the provider and started again', async () => {
    render(
      <StrictMode>
        <Host>
          <ActionButton action={exportAction} domain="workbook" source="us_wb_1" />
        </Host>
      </StrictMode>,
    );
    act(() => screen.getByRole('button', { name: 'Export' }).click());
    await waitFor(() => expect(finish.size).toBe(1));
    setVisibility('hidden');
    const [id] = [...finish.keys()];
    await act(async () => finish.get(id as string)?.({ heading: 'Export ready' }));
    await waitFor(() => expect(document.title).toBe('(1) Export ready · My app'));
  });

  it('the hidden tab stops with the provider: an unmounted provider leaves the title alone', async () => {
    const { unmount } = render(
      <Host>
        <ActionButton action={exportAction} domain="workbook" source="us_wb_1" />
      </Host>,
    );
    act(() => screen.getByRole('button', { name: 'Export' }).click());
    await waitFor(() => expect(finish.size).toBe(1));
    unmount();
    setVisibility('hidden');
    const [id] = [...finish.keys()];
    await act(async () => finish.get(id as string)?.({ heading: 'Export ready' }));
    expect(document.title).toBe('My app');
  });
});
