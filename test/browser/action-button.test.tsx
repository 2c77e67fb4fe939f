import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import '../../src/styles.css';
import type { Action } from '../../src/core';
import { createMemoryJobsClient } from '../../src/memory';
import { ActionBar, ActionButton, JobsProvider } from '../../src';

const form: Action = {
  label: 'Ask AI',
  operation: 'aiAssist',
  description: 'Let the assistant rewrite the selected records?',
  inputForm: {
    type: 'simple',
    fields: [
      { key: 'prompt', label: 'Instruction', type: 'textarea', constraints: [{ type: 'required' }] },
      {
        key: 'tone',
        label: 'Tone',
        type: 'enum',
        config: { options: [{ value: 'formal' }, { value: 'friendly' }] },
        defaultValue: 'formal',
      },
      { key: 'limit', label: 'Records', type: 'number' },
    ],
  },
};

async function axeViolations(): Promise<string[]> {
  // `region` is off: the open menu is portalled to the end of the body, outside the page's landmarks, as
  // popups are (it takes focus as it opens, so nobody has to find it by landmark).
  const result = await axe.run(document.body, { rules: { region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('actions in a real browser', () => {
  it('can be used with the keyboard alone: Tab, Enter, fill the form, submit; the job gets the typed input', async () => {
    const client = createMemoryJobsClient();
    const user = userEvent.setup();
    render(
      <JobsProvider client={client}>
        <button type="button">Before</button>
        <ActionButton action={form} domain="sheet" source="us_sh_1" />
      </JobsProvider>,
    );
    await user.tab();
    await user.tab();
    const trigger = screen.getByRole('button', { name: 'Ask AI' });
    expect(trigger).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Ask AI' });
    expect(within(dialog).getByRole('textbox', { name: /Instruction/ })).toHaveFocus();
    await user.keyboard('Make it shorter');
    await user.tab();
    expect(within(dialog).getByRole('radio', { name: 'formal' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    await user.tab();
    await user.keyboard('12{Enter}');
    await waitFor(() => expect(client.snapshot()).toHaveLength(1));
    expect(client.snapshot()[0]).toMatchObject({
      type: 'sheet',
      operation: 'aiAssist',
      input: { prompt: 'Make it shorter', tone: 'friendly', limit: 12 },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('traps focus in the confirm dialog and gives it back to the trigger', async () => {
    const client = createMemoryJobsClient();
    const user = userEvent.setup();
    render(
      <JobsProvider client={client}>
        <button type="button">Elsewhere</button>
        <ActionButton
          action={{ label: 'Delete records', operation: 'delete', description: 'Delete 12 records?' }}
          domain="sheet"
          source="s"
        />
      </JobsProvider>,
    );
    const trigger = screen.getByRole('button', { name: 'Delete records' });
    await user.click(trigger);
    const dialog = await screen.findByRole('alertdialog');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete records' });
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(client.snapshot()).toEqual([]);
  });

  it('is never confirmed by a click outside the dialog', async () => {
    const client = createMemoryJobsClient();
    const user = userEvent.setup();
    render(
      <JobsProvider client={client}>
        <ActionButton action={{ label: 'Export', operation: 'export' }} domain="workbook" source="w" />
      </JobsProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByRole('alertdialog');
    await user.click(document.querySelector('[data-slot="confirm-dialog-overlay"]') as HTMLElement);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    expect(client.snapshot()).toEqual([]);
  });

  it('has no axe violation: bar, open menu with a disabled item, confirm dialog, form with errors', async () => {
    const client = createMemoryJobsClient();
    const user = userEvent.setup();
    render(
      <JobsProvider client={client}>
        <main>
          <ActionBar
            label="Sheet actions"
            domain="sheet"
            source="s"
            state={{ selectionCount: 0 }}
            actions={[
              { label: 'Submit', operation: 'submit', primary: true },
              { label: 'Dedupe', operation: 'dedupe', constraints: [{ type: 'hasSelection' }] },
              form,
            ]}
          />
        </main>
      </JobsProvider>,
    );
    expect(await axeViolations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    expect(await axeViolations()).toEqual([]);
    await user.click(screen.getByRole('menuitem', { name: /Ask AI/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Ask AI' }));
    expect(within(dialog).getByRole('textbox', { name: /Instruction/ })).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations()).toEqual([]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByRole('alertdialog');
    expect(await axeViolations()).toEqual([]);
  });
});
