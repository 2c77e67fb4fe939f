import { render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/styles.css';
import { JobsProvider, ProgressOverlay } from '../../src';
import { createMemoryJobsClient, type JobHandler, type MemoryJobsClient } from '../../src/memory';

const SHEET = 'us_sh_contacts';
const still = { duration: '0ms' };

/** A job the test finishes by hand: no timing in the test, only "now it ends". */
function heldJob() {
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const handler: JobHandler = async (_job, { tick, signal }) => {
    await tick(40, 'Imported 400 of 1,000 contacts');
    await new Promise<void>((resolve, reject) => {
      void finished.then(resolve);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { finish: () => finish(), handler };
}

let client: MemoryJobsClient | undefined;
afterEach(() => {
  client?.dispose();
  client = undefined;
});

/** A host page: a button before the sheet, the sheet (tools and a cell) under one overlay, a button after. */
function setup() {
  const job = heldJob();
  const memory = createMemoryJobsClient({ handlers: { 'sheet:importContacts': job.handler } });
  client = memory;
  const onFilter = vi.fn();
  render(
    <JobsProvider client={memory} theme={still} colorScheme="light">
      <main
        style={{
          padding: 16,
          background: 'var(--jk-bg)',
          color: 'var(--jk-fg)',
          fontFamily: 'var(--jk-font)',
          maxWidth: 640,
        }}
      >
        <h1>Contacts</h1>
        <button type="button">Before</button>
        <ProgressOverlay source={SHEET}>
          {/* biome-ignore lint/a11y/useSemanticElements: a host's markup as hosts write it, which the overlay must cover */}
          <div role="group" aria-label="Sheet" style={{ display: 'grid', gap: 8, padding: 16, minHeight: 220 }}>
            <button type="button" onClick={onFilter}>
              Filter
            </button>
            <input aria-label="Name, Ada Lovelace" defaultValue="Ada Lovelace" />
          </div>
        </ProgressOverlay>
        <button type="button">After</button>
      </main>
    </JobsProvider>,
  );
  const region = document.querySelector('[data-slot="progress-overlay-region"]') as HTMLElement;
  const content = region.querySelector('[data-slot="progress-overlay-content"]') as HTMLElement;
  const start = () => memory.create({ type: 'sheet', operation: 'importContacts', source: SHEET, mode: 'foreground' });
  return { job, onFilter, region, content, start };
}

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const filterButton = () => screen.getByRole('button', { name: 'Filter' });
const panel = () => screen.findByRole('group', { name: 'Import contacts' });
const isCovered = () => document.querySelector('[data-slot="progress-overlay-overlay"]') !== null;

describe('ProgressOverlay in a real browser', () => {
  it('takes no click on a covered button while a foreground job runs, and works again after it ends', async () => {
    const { job, onFilter, start } = setup();
    await start();
    await panel();

    // A real mouse click at the button's place lands on the overlay, not on the button.
    const box = filterButton().getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(hit?.closest('[data-slot="progress-overlay-overlay"]')).not.toBeNull();
    await userEvent.click(filterButton(), { force: true });
    expect(onFilter).not.toHaveBeenCalled();

    job.finish();
    await waitFor(() => expect(isCovered()).toBe(false));
    await userEvent.click(filterButton());
    expect(onFilter).toHaveBeenCalledTimes(1);
  });

  it('is skipped by Tab while blocked: focus goes from before the region to the overlay, then after it', async () => {
    const { job, content, start } = setup();
    await start();
    const group = await panel();
    await userEvent.click(screen.getByRole('button', { name: 'Before' }));
    await userEvent.tab();
    expect(content.contains(document.activeElement)).toBe(false);
    expect(within(group).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Before' })).toHaveFocus();

    job.finish();
    await waitFor(() => expect(isCovered()).toBe(false));
    await userEvent.tab();
    expect(filterButton()).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('textbox', { name: 'Name, Ada Lovelace' })).toHaveFocus();
  });

  it('moves focus that was inside the region to the overlay panel, and back when the job ends', async () => {
    const { job, start } = setup();
    const cell = screen.getByRole('textbox', { name: 'Name, Ada Lovelace' });
    await userEvent.click(cell);
    expect(cell).toHaveFocus();
    await start();
    const group = await panel();
    await waitFor(() => expect(group).toHaveFocus());

    // Typing meanwhile reaches nothing under the overlay.
    await userEvent.keyboard('xyz');
    expect(cell).toHaveValue('Ada Lovelace');

    job.finish();
    await waitFor(() => expect(isCovered()).toBe(false));
    await waitFor(() => expect(cell).toHaveFocus());
    await userEvent.keyboard(' Byron');
    expect(cell).toHaveValue('Ada Lovelace Byron');
  });

  it('has no axe violation with the overlay showing, nor after', async () => {
    const { job, start } = setup();
    expect(await axeViolations()).toEqual([]);
    await start();
    const group = await panel();
    await within(group).findByText('Imported 400 of 1,000 contacts');
    expect(await axeViolations()).toEqual([]);
    job.finish();
    await waitFor(() => expect(isCovered()).toBe(false));
    expect(await axeViolations()).toEqual([]);
  });
});
