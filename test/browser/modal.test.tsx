import { render, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent as user } from 'vitest/browser';
import '../../src/styles.css';
import { ConfirmDialog, InputFormDialog, JobsProvider, OutcomeDialog, Tooltip } from '../../src';
import type { InputForm } from '../../src/core';
import { createMemoryJobsClient, type MemoryJobsClient } from '../../src/memory';

/*
 * The kit's dialogs are the platform's modal `<dialog>`: what only a real browser shows (the top layer, the
 * inert page, focus, the locked scroll, what floats inside a modal) is checked here, in Chromium.
 */

let client: MemoryJobsClient;
beforeEach(() => {
  client = createMemoryJobsClient({
    jobs: [
      {
        id: 'us_jb_done',
        type: 'sheet',
        operation: 'export',
        source: 'us_sh_1',
        status: 'complete',
        outcome: { heading: 'Exported', message: 'All done', acknowledge: true },
      },
    ],
  });
});
afterEach(() => client.dispose());

const form: InputForm = { type: 'simple', fields: [{ key: 'name', label: 'File name', type: 'string' }] };

function Page({ children }: { children: ReactNode }) {
  return (
    <JobsProvider client={client} theme={{ duration: '0ms' }}>
      <main>
        <h1>Workbook</h1>
        {/* Tall enough to scroll. */}
        <div style={{ blockSize: '3000px' }}>{children}</div>
      </main>
    </JobsProvider>
  );
}

function Confirm({ pending = false, children }: { pending?: boolean; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [clicks, setClicks] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete…
      </button>
      <button type="button" onClick={() => setClicks((count) => count + 1)}>
        Behind ({clicks})
      </button>
      <ConfirmDialog title="Delete" open={open} onOpenChange={setOpen} pending={pending} onConfirm={() => undefined}>
        {children}
      </ConfirmDialog>
    </>
  );
}

/** A click at the middle of `element`, wherever it lands (no check of what is on top there). */
async function clickAt(element: Element) {
  await user.click(element, { force: true });
}

/** A click on the page, outside any dialog: on its heading, at the top (the dialogs sit in the middle). */
const clickOutside = () => clickAt(screen.getByRole('heading', { name: 'Workbook', hidden: true }));

describe('the kit’s dialogs on the platform’s <dialog>', () => {
  it('open as a modal in the top layer, focus inside, and give focus back on Escape', async () => {
    render(
      <Page>
        <Confirm />
      </Page>,
    );
    const opener = screen.getByRole('button', { name: 'Delete…' });
    await user.click(opener);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete' });
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.matches(':modal')).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });

  it('make the page behind inert: a button there can be neither clicked nor focused', async () => {
    render(
      <Page>
        <Confirm />
      </Page>,
    );
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('alertdialog');
    const behind = screen.getByRole('button', { name: 'Behind (0)' });
    await clickAt(behind);
    behind.focus();
    expect(behind).not.toHaveFocus();
    expect(behind).toHaveAccessibleName('Behind (0)');
    // The click landed on the dialog's backdrop, which an alert dialog ignores.
    expect(dialog).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await user.click(behind);
    expect(behind).toHaveAccessibleName('Behind (1)');
  });

  it('lock the page’s scroll while open, and only then', async () => {
    render(
      <Page>
        <Confirm />
      </Page>,
    );
    const root = document.documentElement;
    expect(getComputedStyle(root).overflow).not.toBe('hidden');
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await screen.findByRole('alertdialog');
    expect(getComputedStyle(root).overflow).toBe('hidden');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(getComputedStyle(root).overflow).not.toBe('hidden');
  });

  it('keep a pending dialog open through repeated Escapes', async () => {
    render(
      <Page>
        <ConfirmDialog title="Delete" defaultOpen pending onConfirm={() => undefined} />
      </Page>,
    );
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(dialog.matches(':modal')).toBe(true));
    for (let press = 0; press < 3; press += 1) await user.keyboard('{Escape}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialog).toBeInTheDocument();
    expect(dialog.matches(':modal')).toBe(true);
    expect(dialog).toBeVisible();
  });

  it('close the input form on a click outside, except while pending; never the outcome', async () => {
    const onOpenChange = vi.fn();
    const { rerender } = render(
      <Page>
        <InputFormDialog title="Export" form={form} open pending onOpenChange={onOpenChange} onSubmit={() => {}} />
      </Page>,
    );
    await screen.findByRole('dialog', { name: 'Export' });
    await clickOutside();
    expect(onOpenChange).not.toHaveBeenCalled();
    rerender(
      <Page>
        <InputFormDialog title="Export" form={form} open onOpenChange={onOpenChange} onSubmit={() => {}} />
      </Page>,
    );
    // A press that starts inside and ends outside (selecting text) is no click outside.
    const field = screen.getByRole('textbox', { name: 'File name' });
    await user.click(field);
    expect(onOpenChange).not.toHaveBeenCalled();
    await clickOutside();
    expect(onOpenChange).toHaveBeenCalledWith(false);

    rerender(
      <Page>
        <OutcomeDialog jobId="us_jb_done" />
      </Page>,
    );
    await screen.findByRole('dialog', { name: 'Exported' });
    await clickOutside();
    expect(screen.getByRole('dialog', { name: 'Exported' })).toBeInTheDocument();
  });

  it('stack: a confirm opened from inside a form dialog closes alone and hands focus back to it', async () => {
    function Nested() {
      const [confirming, setConfirming] = useState(false);
      return (
        <InputFormDialog title="Export" form={form} defaultOpen onSubmit={() => {}}>
          <button type="button" onClick={() => setConfirming(true)}>
            Reset…
          </button>
          <ConfirmDialog title="Reset" open={confirming} onOpenChange={setConfirming} onConfirm={() => undefined} />
        </InputFormDialog>
      );
    }
    render(
      <Page>
        <Nested />
      </Page>,
    );
    const outer = await screen.findByRole('dialog', { name: 'Export' });
    const reset = within(outer).getByRole('button', { name: 'Reset…' });
    await user.click(reset);
    const confirm = await screen.findByRole('alertdialog', { name: 'Reset' });
    expect(confirm.matches(':modal')).toBe(true);
    // The form under it is inert now.
    const field = within(outer).getByRole('textbox', { name: 'File name' });
    field.focus();
    expect(field).not.toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(screen.getByRole('dialog', { name: 'Export' })).toBeInTheDocument();
    expect(reset).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('mount a tooltip opened inside a modal in the dialog, shown above it and not clipped by it', async () => {
    render(
      <Page>
        {/* A dialog narrower than the tooltip: the tooltip must not be clipped to it. */}
        <ConfirmDialog title="Delete" defaultOpen onConfirm={() => undefined} style={{ inlineSize: '200px' }}>
          <Tooltip content="Deleted records cannot be restored" side="top">
            <button type="button">Why?</button>
          </Tooltip>
        </ConfirmDialog>
      </Page>,
    );
    const dialog = await screen.findByRole('alertdialog');
    const trigger = within(dialog).getByRole('button', { name: 'Why?' });
    await user.hover(trigger);
    const tooltip = await screen.findByRole('tooltip');
    await waitFor(() => expect(tooltip).toBeVisible());
    expect(dialog).toContainElement(tooltip);
    expect(trigger).toHaveAccessibleDescription('Deleted records cannot be restored');
    // Wider than the dialog, and what the page shows past the dialog's edge.
    const box = tooltip.getBoundingClientRect();
    const frame = dialog.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(frame.width);
    const outside = box.left < frame.left ? box.left + 2 : box.right - 2;
    expect(outside < frame.left || outside > frame.right).toBe(true);
    const hit = document.elementFromPoint(outside, box.top + box.height / 2);
    expect(tooltip.contains(hit)).toBe(true);
  });
});
