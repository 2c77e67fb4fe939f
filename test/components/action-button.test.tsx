import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Action, Job } from '../../src/core';
import { createMemoryJobsClient, type MemoryJobsClient } from '../../src/memory';
import { ActionBar, ActionButton, JobsProvider } from '../../src';

function setup(
  ui: (client: MemoryJobsClient) => React.ReactNode,
  options: Parameters<typeof createMemoryJobsClient>[0] = {},
) {
  const client = createMemoryJobsClient(options);
  const user = userEvent.setup();
  render(<JobsProvider client={client}>{ui(client)}</JobsProvider>);
  return { client, user };
}

const exportAction: Action = {
  label: 'Export',
  operation: 'export',
  description: 'Export all records?',
  mode: 'foreground',
};
const target = { domain: 'workbook', source: 'us_wb_1' } as const;

describe('ActionButton', () => {
  it('asks first by default: an alert dialog with the description, focus on Cancel, then creates the job', async () => {
    const created: Job[] = [];
    const { client, user } = setup(() => (
      <ActionButton action={exportAction} {...target} onJobCreated={(job) => created.push(job)} />
    ));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Export' });
    expect(dialog).toHaveAccessibleDescription('Export all records?');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(created).toHaveLength(1);
    expect(client.snapshot()).toMatchObject([
      { type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground' },
    ]);
  });

  it('creates nothing when the question is canceled', async () => {
    const { client, user } = setup(() => <ActionButton action={exportAction} {...target} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus());
    expect(client.snapshot()).toEqual([]);
  });

  it('starts the job at once when confirm is false', async () => {
    const { client, user } = setup(() => <ActionButton action={{ ...exportAction, confirm: false }} {...target} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(client.snapshot()).toHaveLength(1));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('creates exactly one job from a rapid double click', async () => {
    const { client, user } = setup(() => <ActionButton action={{ ...exportAction, confirm: false }} {...target} />, {
      latency: 30,
    });
    await user.dblClick(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('button', { name: /Export|Starting/ }));
    await waitFor(() => expect(client.snapshot()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(client.snapshot()).toHaveLength(1);
  });

  it('creates exactly one job from a double Enter on the confirm button', async () => {
    const { client, user } = setup(() => <ActionButton action={exportAction} {...target} />, { latency: 30 });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('alertdialog');
    within(dialog).getByRole('button', { name: 'Export' }).focus();
    await user.keyboard('{Enter}{Enter}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(client.snapshot()).toHaveLength(1);
  });

  it('keeps the dialog open and undismissable while the job is created', async () => {
    const { client, user } = setup(() => <ActionButton action={exportAction} {...target} />, { latency: 200 });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(within(dialog).getByRole('button', { name: 'Starting…' })).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Escape}');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(client.snapshot()).toHaveLength(1);
  });

  it('shows a failed creation in the dialog, closes nothing, and tries again', async () => {
    const { client, user } = setup(() => <ActionButton action={exportAction} {...target} />, {
      faults: { failNext: { create: 1 } },
    });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/^Could not start “Export”: /);
    expect(client.snapshot()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(client.snapshot()).toHaveLength(1);
  });

  it('shows a failed direct start next to the button with a retry, until the user acts on it', async () => {
    const { client, user } = setup(() => <ActionButton action={{ ...exportAction, confirm: false }} {...target} />, {
      faults: { failNext: { create: 1 } },
    });
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not start “Export”');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(client.snapshot()).toHaveLength(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    [{ constraints: [{ type: 'hasSelection' }] }, { selectionCount: 0 }, 'Select at least one record first.'],
    [{ constraints: [{ type: 'hasAllValid' }] }, { allValid: false }, 'Fix the invalid records first.'],
    [{ constraints: [{ type: 'hasData' }] }, { hasData: false }, 'There are no records yet.'],
    [
      { constraints: [{ type: 'hasColumnEnabled' }] },
      { columnEnabled: false },
      'This column is disabled or read-only.',
    ],
    [{ requireSelection: true }, { selectionCount: 0 }, 'Select at least one record first.'],
    [{ messages: [{ type: 'error', content: 'Connect the CRM first' }] }, {}, 'Connect the CRM first'],
  ] as const)('stays focusable but does nothing when disabled, and says why (%j)', async (extra, state, reason) => {
    const { client, user } = setup(() => (
      <ActionButton action={{ ...exportAction, ...extra } as Action} {...target} state={state} />
    ));
    const button = screen.getByRole('button', { name: 'Export' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.tab();
    expect(button).toHaveFocus();
    expect(button).toHaveAccessibleDescription(reason);
    await user.click(button);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(client.snapshot()).toEqual([]);
  });

  it('is disabled while a blocking job runs on the same source, naming that job', async () => {
    setup(() => <ActionButton action={exportAction} {...target} />, {
      jobs: [
        {
          type: 'workbook',
          operation: 'submitAction',
          source: 'us_wb_1',
          status: 'executing',
          mode: 'toolbarBlocking',
        },
      ],
    });
    const button = screen.getByRole('button', { name: 'Export' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    expect(button).toHaveAccessibleDescription('Wait until “Submit action” finishes.');
  });

  it('shows its tooltip and info messages as its description', () => {
    setup(() => (
      <ActionButton
        action={{
          ...exportAction,
          tooltip: 'Download a CSV',
          messages: [{ type: 'info', content: 'Large files take a while' }],
        }}
        {...target}
      />
    ));
    expect(screen.getByRole('button', { name: 'Export' })).toHaveAccessibleDescription(
      /^Download a CSV\s+Large files take a while$/,
    );
  });

  it('gives an icon-only action an accessible name', () => {
    setup(() => (
      <ActionButton
        action={{ label: '', tooltip: 'Refresh data', operation: 'refresh', icon: 'refresh' }}
        {...target}
      />
    ));
    expect(screen.getByRole('button', { name: 'Refresh data' })).toBeInTheDocument();
  });

  it('shows the valid or invalid records message when the action asks for it', async () => {
    const action: Action = {
      ...exportAction,
      invalidConditionalMessaging: true,
      validRecordsMessage: 'All records are valid. Submit?',
      invalidRecordsMessage: 'Some records are invalid. Submit anyway?',
    };
    const { user } = setup(() => <ActionButton action={action} {...target} state={{ allValid: false }} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByRole('alertdialog')).toHaveAccessibleDescription(
      'Some records are invalid. Submit anyway?',
    );
  });

  it('warns in development about a bad config and still renders', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setup(() => (
      <ActionButton action={{ label: 'Odd', operation: 'odd', mode: 'sideways' } as unknown as Action} {...target} />
    ));
    expect(screen.getByRole('button', { name: 'Odd' })).toHaveAttribute('data-mode', 'background');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown mode "sideways"'));
    warn.mockRestore();
  });
});

describe('ActionBar', () => {
  const actions: Action[] = [
    { label: 'Validate', operation: 'validate', confirm: false },
    { label: 'Submit', operation: 'submit', primary: true, description: 'Submit all records?' },
    { label: 'Delete all', operation: 'delete', description: 'Delete every record?' },
    { label: 'Publish', operation: 'publish', primary: true, confirm: false },
  ];

  it('shows primary actions as buttons and the rest in a menu, each in order', async () => {
    const { user } = setup(() => <ActionBar actions={actions} {...target} label="Workbook actions" />);
    const bar = screen.getByRole('group', { name: 'Workbook actions' });
    expect(
      within(bar)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Submit', 'Publish', expect.any(String)]);
    await user.click(within(bar).getByRole('button', { name: 'More actions' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Validate'),
      expect.stringContaining('Delete all'),
    ]);
  });

  it('runs a menu action through its own confirm dialog', async () => {
    const { client, user } = setup(() => <ActionBar actions={actions} {...target} />);
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.click(screen.getByRole('menuitem', { name: /Delete all/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete all' });
    expect(dialog).toHaveAccessibleDescription('Delete every record?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete all' }));
    await waitFor(() => expect(client.snapshot()).toMatchObject([{ operation: 'delete' }]));
  });

  it('disables a menu action by its constraints and says why', async () => {
    const { client, user } = setup(() => (
      <ActionBar
        actions={[{ label: 'Dedupe', operation: 'dedupe', constraints: [{ type: 'hasSelection' }] }]}
        {...target}
        state={{ selectionCount: 0 }}
      />
    ));
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    const item = screen.getByRole('menuitem', { name: /Dedupe/ });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAccessibleDescription('Select at least one record first.');
    await user.click(item);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(client.snapshot()).toEqual([]);
  });

  it('renders nothing broken for an empty or malformed list', () => {
    setup(() => <ActionBar actions={[null, undefined] as unknown as Action[]} {...target} label="Empty" />);
    expect(screen.getByRole('group', { name: 'Empty' })).toBeEmptyDOMElement();
  });
});

describe('ActionButton extras', () => {
  it('says when an action also runs on a schedule', () => {
    setup(() => <ActionButton action={{ ...exportAction, schedule: 'weekly' }} {...target} />);
    expect(screen.getByRole('button', { name: 'Export' })).toHaveAccessibleDescription('Also runs every week.');
  });

  it('shows the guide and guardrail in the dialog as text, never as markup', async () => {
    const { user } = setup(() => (
      <ActionButton
        action={{ ...exportAction, guide: { content: '<b>bold</b> _guide_' }, guardrail: { content: 'Irreversible.' } }}
        {...target}
      />
    ));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('<b>bold</b> _guide_')).toBeInTheDocument();
    expect(dialog.querySelector('b')).toBeNull();
    expect(within(dialog).getByRole('complementary', { name: 'Before you continue' })).toHaveTextContent(
      'Irreversible.',
    );
  });
});
