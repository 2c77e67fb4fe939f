import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Action, Job } from '../../src/core';
import type { MemoryJobsClient } from '../../src/memory';
import { ActionButton, JobsProvider, type JobsProviderProps, ProgressOverlay } from '../../src';
import { heldExports } from '../react/helpers';

let visibility: DocumentVisibilityState = 'visible';
let permission: NotificationPermission = 'granted';
const shown: FakeNotification[] = [];

class FakeNotification {
  static get permission() {
    return permission;
  }
  static requestPermission = vi.fn(async () => permission);
  onclick: (() => void) | null = null;
  onclose: (() => void) | null = null;
  readonly body: string | undefined;
  constructor(
    readonly title: string,
    options: NotificationOptions = {},
  ) {
    this.body = options.body;
    shown.push(this);
  }
  close() {}
}

function hide() {
  visibility = 'hidden';
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function show() {
  visibility = 'visible';
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const polite = () => document.querySelector('[data-slot="live-region-polite"]')?.textContent?.replace('\u200d', '');

let engine: MemoryJobsClient;
let finish: Map<string, (outcome: Job['outcome']) => void>;

beforeEach(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  vi.stubGlobal('Notification', FakeNotification);
  visibility = 'visible';
  permission = 'granted';
  shown.length = 0;
  FakeNotification.requestPermission.mockClear();
  document.title = 'My app';
  ({ engine, finish } = heldExports());
});

afterEach(() => {
  engine.dispose();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'visibilityState');
});

const exportAction: Action = { label: 'Export', operation: 'export', mode: 'foreground', confirm: false };

function Host(props: Partial<JobsProviderProps>) {
  return (
    <JobsProvider client={engine} {...props}>
      <ActionButton action={exportAction} domain="workbook" source="us_wb_1" />
      <ProgressOverlay source="us_wb_1">
        <p>Contacts</p>
      </ProgressOverlay>
    </JobsProvider>
  );
}

/** Starts the export with a click, as a user would, and waits until it runs. */
async function startExport(): Promise<string> {
  act(() => screen.getByRole('button', { name: 'Export' }).click());
  await waitFor(() => expect(finish.size).toBe(1));
  const [id] = [...finish.keys()];
  await waitFor(() => expect(polite()).toBe('Export started.'));
  return id as string;
}

async function end(id: string, heading = 'Export ready') {
  await act(async () => finish.get(id)?.({ heading, message: '1,204 rows exported' }));
}

describe('a job of the user’s that ends while the tab is hidden', () => {
  it('counts in the title, shows one notification, and the live region stays quiet about it', async () => {
    const opened: string[] = [];
    render(<Host notifications={{ onOpenOutcome: (id) => opened.push(id) }} />);
    const id = await startExport();
    hide();
    await end(id);
    await waitFor(() => expect(document.title).toBe('(1) Export ready · My app'));
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Export ready', body: '1,204 rows exported' },
    ]);
    expect(polite()).toBe('Export started.');
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    act(() => shown[0]?.onclick?.());
    expect(focus).toHaveBeenCalled();
    expect(opened).toEqual([id]);
    show();
    expect(document.title).toBe('My app');
  });

  it('without the opt-in: the title tells, the live region announces, no notification and no permission asked', async () => {
    permission = 'default';
    render(<Host />);
    const id = await startExport();
    hide();
    await end(id);
    await waitFor(() => expect(document.title).toBe('(1) Export ready · My app'));
    expect(polite()).toBe('Export finished.');
    expect(shown).toEqual([]);
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
  });

  it('with the opt-in, asks for permission on the click that starts a job, never on load, and once', async () => {
    permission = 'default';
    render(<Host notifications />);
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    const id = await startExport();
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    // The user dismissed the prompt: the next job does not ask again.
    await end(id);
    await waitFor(() => expect(polite()).toBe('Export finished.'));
    finish.clear();
    act(() => screen.getByRole('button', { name: 'Export' }).click());
    await waitFor(() => expect(finish.size).toBe(1));
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('does nothing for a job the user did not start here', async () => {
    render(<Host notifications />);
    const job = await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground' });
    await waitFor(() => expect(finish.has(job.id)).toBe(true));
    await waitFor(() => expect(polite()).toBe('Export started.'));
    hide();
    await end(job.id);
    await waitFor(() => expect(polite()).toBe('Export finished.'));
    expect(document.title).toBe('My app');
    expect(shown).toEqual([]);
  });
});
