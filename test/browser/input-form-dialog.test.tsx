import { render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
// Real key presses and clicks through Playwright, so Tab and Enter behave as the browser makes them.
import { userEvent as user } from 'vitest/browser';
import '../../src/styles.css';
import { type ColorScheme, type InputForm, InputFormDialog, JobsProvider } from '../../src';
import { createMemoryJobsClient } from '../../src/memory';

const client = createMemoryJobsClient();

const form: InputForm = {
  type: 'simple',
  fields: [
    {
      key: 'name',
      label: 'File name',
      type: 'string',
      description: 'Without extension',
      constraints: [{ type: 'required' }],
    },
    { key: 'limit', label: 'Row limit', type: 'number' },
    { key: 'header', label: 'Include header', type: 'boolean', defaultValue: true },
    {
      key: 'format',
      label: 'Format',
      type: 'enum',
      constraints: [{ type: 'required' }],
      config: {
        options: [
          { value: 'csv', label: 'CSV', color: '#2b8a3e' },
          { value: 'xlsx', label: 'Excel', description: 'One sheet per tab' },
        ],
      },
    },
  ],
};

function Host({
  onSubmit,
  colorScheme = 'light',
}: {
  onSubmit(input: Record<string, unknown>): void;
  colorScheme?: ColorScheme;
}) {
  const [open, setOpen] = useState(false);
  return (
    <JobsProvider client={client} colorScheme={colorScheme}>
      <main>
        <button type="button">Before</button>
        <button type="button" onClick={() => setOpen(true)}>
          Export…
        </button>
        <InputFormDialog
          title="Export"
          description="Choose what to export."
          form={form}
          open={open}
          onOpenChange={setOpen}
          onSubmit={(input) => {
            onSubmit(input);
            setOpen(false);
          }}
        />
      </main>
    </JobsProvider>
  );
}

async function openDialog() {
  const onSubmit = vi.fn();
  render(<Host onSubmit={onSubmit} />);
  await user.click(screen.getByRole('button', { name: 'Export…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Export' });
  return { onSubmit, dialog };
}

async function violations(context: Element) {
  const results = await axe.run(context, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe('InputFormDialog in a real browser', () => {
  it('keeps Tab inside the dialog, cycling from the last control back to the first', async () => {
    const { dialog } = await openDialog();
    const name = screen.getByRole('textbox', { name: 'File name' });
    await waitFor(() => expect(name).toHaveFocus());
    const visited: (string | null)[] = [];
    for (let step = 0; step < 6; step += 1) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
      visited.push(document.activeElement?.getAttribute('data-slot') ?? null);
    }
    // limit, header, format (one stop for the radio group), cancel, submit, then back round.
    expect(visited.slice(3)).toEqual([
      'input-form-dialog-cancel',
      'input-form-dialog-submit',
      'input-form-dialog-control',
    ]);
    expect(name).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
  });

  it('returns focus to the element that opened it when closed', async () => {
    await openDialog();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export…' })).toHaveFocus());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('submits along the keyboard path alone: type, Tab, Space, arrows, Enter', async () => {
    const { onSubmit } = await openDialog();
    await user.keyboard('people');
    await user.tab();
    await user.keyboard('250');
    await user.tab();
    await user.keyboard(' ');
    await user.tab();
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ name: 'people', limit: 250, header: false, format: 'xlsx' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export…' })).toHaveFocus());
  });

  it('focuses the first invalid field and passes axe with errors shown', async () => {
    const { dialog } = await openDialog();
    await user.tab();
    await user.keyboard('lots');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const name = screen.getByRole('textbox', { name: 'File name' });
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription('Enter a value for “File name”. Without extension');
    expect(screen.getByRole('radiogroup', { name: 'Format' })).toHaveAccessibleDescription(
      'Choose an option for “Format”.',
    );
    expect(await violations(dialog)).toEqual([]);
    expect(await violations(document.body)).toEqual([]);
  });

  it('passes axe in the dark scheme, with a server error shown', async () => {
    render(
      <JobsProvider client={client} colorScheme="dark">
        <InputFormDialog
          title="Export"
          form={form}
          defaultOpen
          error="The server is unavailable."
          onSubmit={() => {}}
        />
      </JobsProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Export' });
    expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(23, 25, 30)');
    expect(screen.getByRole('alert')).toHaveTextContent('The server is unavailable.');
    expect(await violations(document.body)).toEqual([]);
  });

  it('centres the panel and mirrors it under dir="rtl"', async () => {
    render(
      <div dir="rtl">
        <JobsProvider client={client}>
          <InputFormDialog title="Export" form={form} defaultOpen onSubmit={() => {}} />
        </JobsProvider>
      </div>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Export' });
    expect(getComputedStyle(dialog).direction).toBe('rtl');
    const box = dialog.getBoundingClientRect();
    expect(box.width).toBeLessThanOrEqual(480);
    expect(Math.abs(box.left - (window.innerWidth - box.right))).toBeLessThanOrEqual(1);
    const checkbox = screen.getByRole('checkbox', { name: 'Include header' });
    const label = checkbox.nextElementSibling as HTMLElement;
    // Right to left: the checkbox sits to the right of its label.
    expect(checkbox.getBoundingClientRect().left).toBeGreaterThan(label.getBoundingClientRect().left);
  });
});
