import { focusManager } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../src/core';
import {
  createMemoryJobsClient,
  type JobHandlerContext,
  type MemoryJobsClient,
  type MemorySeedJob,
} from '../../src/memory';
import { JobsIndicator, type JobsIndicatorProps, JobsPanel, JobsProvider, matchesShortcut } from '../../src';
import { deferred } from '../react/helpers';

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const user = () => userEvent.setup({ delay: null });

function job(i: number, extra: Partial<MemorySeedJob> = {}): MemorySeedJob {
  return {
    id: `us_jb_${i}`,
    type: 'workbook',
    operation: 'export',
    source: 'us_wb_1',
    status: 'complete',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    ...extra,
  };
}

let engine: MemoryJobsClient;

function mount(
  jobs: MemorySeedJob[],
  props: Partial<JobsIndicatorProps> = {},
  handlers: Record<string, (job: Job, context: JobHandlerContext) => Promise<void>> = {},
) {
  engine = createMemoryJobsClient({ jobs, handlers });
  return render(
    <JobsProvider client={engine}>
      <button type="button">Elsewhere</button>
      <JobsIndicator source="us_wb_1" {...props} />
    </JobsProvider>,
  );
}

const trigger = () => screen.getByRole('button', { name: /^Jobs/ });

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  focusManager.setFocused(true);
});

afterEach(() => {
  focusManager.setFocused(undefined);
  engine?.dispose();
  vi.useRealTimers();
});

describe('JobsIndicator', () => {
  it('counts the active jobs, leaving hidden jobs out and counting parts with their job', async () => {
    mount([
      job(1, { status: 'executing' }),
      job(2, { status: 'waiting' }),
      job(3, { status: 'executing', mode: 'hidden' }),
      job(4, { status: 'executing', parentId: 'us_jb_1', part: 1 }),
      job(5, { status: 'complete' }),
      job(6, { status: 'executing', source: 'us_wb_2' }),
    ]);
    await advance(10);
    expect(trigger()).toHaveAccessibleName('Jobs 2 running');
    expect(trigger()).toHaveAttribute('aria-expanded', 'false');
    expect(within(trigger()).getByText('2')).toHaveAttribute('aria-hidden', 'true');
  });

  it('counts the active jobs past the page of 100 it reads, from the list’s total', async () => {
    const running = Array.from({ length: 150 }, (_, i) => job(i + 1, { status: 'executing' }));
    mount([...running, job(200, { status: 'executing', mode: 'hidden' })]);
    await advance(10);
    // 151 active jobs listed, one of them hidden (on the first page, the newest): 150 shown as running.
    expect(trigger()).toHaveAccessibleName('Jobs 150 running');
  });

  it('says "100+" when the client sends no totals and a full page of jobs runs', async () => {
    const running = Array.from({ length: 120 }, (_, i) => job(i + 1, { status: 'executing' }));
    engine = createMemoryJobsClient({ jobs: running });
    // The same jobs, without `pagination` in the answer.
    const client = {
      ...engine,
      list: async (...args: Parameters<MemoryJobsClient['list']>) => {
        const { data } = await engine.list(...args);
        return { data };
      },
    };
    render(
      <JobsProvider client={client}>
        <JobsIndicator source="us_wb_1" />
      </JobsProvider>,
    );
    await advance(10);
    expect(trigger()).toHaveAccessibleName('Jobs 100+ running');
  });

  it('shows no count while nothing runs, and follows jobs as they start and end without a live region', async () => {
    const done = deferred();
    mount([], {}, { 'workbook:export': () => done.promise });
    await advance(10);
    expect(trigger()).toHaveAccessibleName('Jobs');
    await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1' });
    await advance(10);
    expect(trigger()).toHaveAccessibleName('Jobs 1 running');
    expect(trigger().closest('[data-slot="jobs-indicator"]')?.querySelector('[aria-live], [role="status"]')).toBeNull();
    done.resolve();
    await advance(10);
    expect(trigger()).toHaveAccessibleName('Jobs');
  });

  it('opens the panel below it, focuses its list, and closes on Escape with focus back on the button', async () => {
    const u = user();
    mount([job(1, { status: 'executing' }), job(2, { status: 'failed' })]);
    await advance(10);
    await u.click(trigger());
    await advance(10);
    expect(trigger()).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('region', { name: 'Jobs' });
    expect(trigger()).toHaveAttribute('aria-controls', panel.parentElement?.id);
    expect(within(panel).getAllByRole('listitem')).toHaveLength(2);
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_2');
    await u.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Jobs' })).toBeNull();
    expect(trigger()).toHaveFocus();
    await u.click(trigger());
    await u.click(trigger());
    expect(screen.queryByRole('region', { name: 'Jobs' })).toBeNull();
  });

  it('is portalled, yet Tab leaves it as if it sat right after the button', async () => {
    const u = user();
    engine = createMemoryJobsClient({ jobs: [job(1, { outcome: { message: 'Done' } })] });
    render(
      <JobsProvider client={engine}>
        <JobsIndicator source="us_wb_1" onOpenOutcome={() => undefined} />
        <button type="button">After</button>
      </JobsProvider>,
    );
    await advance(10);
    await u.click(trigger());
    await advance(10);
    const popover = screen.getByRole('region', { name: 'Jobs' }).parentElement as HTMLElement;
    expect(trigger().parentElement).not.toContainElement(popover);
    // Tab on through the panel: the stop after its last one is the button after the indicator.
    for (let presses = 0; presses < 20 && popover.contains(document.activeElement); presses += 1) await u.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    await u.click(trigger());
    await u.click(trigger());
    await advance(10);
    const again = screen.getByRole('region', { name: 'Jobs' }).parentElement as HTMLElement;
    // And back: the stop before its first one is the indicator's button.
    for (let presses = 0; presses < 20 && again.contains(document.activeElement); presses += 1)
      await u.tab({ shift: true });
    expect(trigger()).toHaveFocus();
  });

  it('works controlled: it asks to open and shows what it is told', async () => {
    const u = user();
    const onOpenChange = vi.fn();
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <output aria-label="state">{open ? 'open' : 'closed'}</output>
          <JobsIndicator
            open={open}
            onOpenChange={(next) => {
              onOpenChange(next);
              setOpen(next);
            }}
          />
        </>
      );
    }
    engine = createMemoryJobsClient({ jobs: [job(1)] });
    render(
      <JobsProvider client={engine}>
        <Host />
      </JobsProvider>,
    );
    await u.click(trigger());
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(screen.getByRole('status', { name: 'state' })).toHaveTextContent('open');
    expect(screen.getByRole('region', { name: 'Jobs' })).toBeInTheDocument();
  });

  it('opens with the shortcut from anywhere, and focuses the open panel when pressed again', async () => {
    const u = user();
    const onOpenOutcome = vi.fn();
    mount([job(1, { outcome: { message: 'Done' } })], { shortcut: 'mod+j', onOpenOutcome });
    await advance(10);
    await u.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await u.keyboard('{Control>}j{/Control}');
    await advance(10);
    expect(trigger()).toHaveAttribute('aria-expanded', 'true');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_1');
    await u.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await u.keyboard('{Control>}j{/Control}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_1');
    await u.tab();
    await u.keyboard('{Enter}');
    expect(onOpenOutcome).toHaveBeenCalledWith('us_jb_1');
  });
});

describe('shortcuts', () => {
  it("focus a standalone panel's list, and are ignored without their modifiers", async () => {
    const u = user();
    engine = createMemoryJobsClient({ jobs: [job(1), job(2)] });
    render(
      <JobsProvider client={engine}>
        <button type="button">Elsewhere</button>
        <JobsPanel source="us_wb_1" shortcut="mod+j" />
      </JobsProvider>,
    );
    await advance(10);
    await u.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await u.keyboard('j');
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
    await u.keyboard('{Control>}j{/Control}');
    expect(document.activeElement).toHaveAttribute('data-job-id', 'us_jb_2');
  });

  it('read mod as ⌘ on Apple platforms and Ctrl elsewhere, and want exactly the modifiers given', () => {
    const key = (init: Partial<KeyboardEvent>) => ({
      key: '',
      code: '',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...init,
    });
    expect(matchesShortcut(key({ key: 'j', ctrlKey: true }), 'mod+j', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'j', metaKey: true }), 'mod+j', true)).toBe(true);
    expect(matchesShortcut(key({ key: 'j', metaKey: true }), 'mod+j', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'J', ctrlKey: true, shiftKey: true }), 'ctrl+j', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'J', ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+J', false)).toBe(true);
    expect(matchesShortcut(key({ key: '∆', code: 'KeyJ', altKey: true }), 'alt+j', false)).toBe(true);
    expect(matchesShortcut(key({ key: '?', shiftKey: true }), '?', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'j' }), 'hyper+j', false)).toBe(false);
  });
});

describe('JobsIndicator in another locale', () => {
  it('says the count in the plural form of the locale', async () => {
    const { de } = await import('../../src/locales/de');
    engine = createMemoryJobsClient({ jobs: [job(1, { status: 'executing' })] });
    render(
      <JobsProvider client={engine} locale="de" messages={de}>
        <JobsIndicator source="us_wb_1" />
      </JobsProvider>,
    );
    await advance(10);
    expect(trigger()).toHaveAccessibleName('Jobs 1 läuft');
    await act(async () => {
      await engine.create({ type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'background' });
    });
    await advance(10);
    expect(trigger()).toHaveAccessibleName('Jobs 2 laufen');
  });
});
