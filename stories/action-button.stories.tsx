import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Action, ActionContextState } from '../src/core';
import { ActionButton } from '../src';
import type { MemoryJobsClientOptions } from '../src/memory';
import { ActionHarness, lastJob } from './support/action-harness';

interface Args {
  action: Action;
  state?: ActionContextState;
  client?: MemoryJobsClientOptions;
  dir?: 'ltr' | 'rtl';
  colorScheme?: 'light' | 'dark';
  width?: number;
}

function Demo({ action, state, client, dir, colorScheme, width }: Args) {
  return (
    <ActionHarness
      {...(client ? { client } : {})}
      {...(dir ? { dir } : {})}
      {...(colorScheme ? { colorScheme } : {})}
      {...(width ? { width } : {})}
    >
      {(onJobCreated) => (
        <ActionButton
          action={action}
          domain="workbook"
          source="us_wb_1"
          {...(state ? { state } : {})}
          onJobCreated={onJobCreated}
        />
      )}
    </ActionHarness>
  );
}

const meta = {
  title: 'Actions/ActionButton',
  component: Demo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = () => within(document.body);

/** A primary action: highlighted, with the default lightning bolt; it asks before it runs. */
export const Primary: Story = {
  args: {
    action: {
      label: 'Submit',
      operation: 'submitAction',
      primary: true,
      mode: 'foreground',
      description: 'Submit all records to the CRM?',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Submit' });
    await expect(button).toHaveAttribute('data-primary');
    await expect(button.querySelector('[data-slot="action-icon"]')).not.toBeNull();
    await userEvent.click(button);
    const dialog = await body().findByRole('alertdialog', { name: 'Submit' });
    await expect(dialog).toHaveAccessibleDescription('Submit all records to the CRM?');
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await waitFor(() =>
      expect(lastJob(canvasElement)).toMatchObject({
        job: 'workbook:submitAction',
        source: 'us_wb_1',
        mode: 'foreground',
      }),
    );
    await expect(body().queryByRole('alertdialog')).toBeNull();
  },
};

/** A secondary action without confirmation starts its job on click. */
export const SecondaryWithoutConfirm: Story = {
  args: { action: { label: 'Validate', operation: 'validate', confirm: false, icon: 'none' } },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Validate' });
    await expect(button).not.toHaveAttribute('data-primary');
    await expect(button.querySelector('[data-slot="action-icon"]')).toBeNull();
    await userEvent.click(button);
    await waitFor(() => expect(lastJob(canvasElement)).toMatchObject({ job: 'workbook:validate', mode: 'background' }));
  },
};

/** An icon-only action still has a name, from its tooltip. */
export const IconOnly: Story = {
  args: { action: { label: '', operation: 'refresh', tooltip: 'Refresh from the source', confirm: false } },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Refresh from the source' });
    await expect(button).toHaveAttribute('data-icon-only');
  },
};

const disabledBy = (
  constraint: NonNullable<Action['constraints']>[number],
  state: ActionContextState,
  reason: string,
): Story => ({
  args: { action: { label: 'Submit', operation: 'submit', constraints: [constraint] }, state },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Submit' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await expect(button).toHaveAccessibleDescription(reason);
    await expect(await body().findByRole('tooltip')).toHaveTextContent(reason);
    await userEvent.keyboard('{Enter}');
    await expect(body().queryByRole('alertdialog')).toBeNull();
  },
});

export const DisabledWithoutSelection = disabledBy(
  { type: 'hasSelection' },
  { selectionCount: 0 },
  'Select at least one record first.',
);
export const DisabledByInvalidRecords = disabledBy(
  { type: 'hasAllValid' },
  { allValid: false },
  'Fix the invalid records first.',
);
export const DisabledWithoutData = disabledBy({ type: 'hasData' }, { hasData: false }, 'There are no records yet.');
export const DisabledColumn = disabledBy(
  { type: 'hasColumnEnabled' },
  { columnEnabled: false },
  'This column is disabled or read-only.',
);

/** An error message disables the action and is its reason; info messages show on hover and focus. */
export const Messages: Story = {
  args: {
    action: {
      label: 'Sync to CRM',
      operation: 'sync',
      messages: [
        { type: 'info', content: 'Sends every valid record.' },
        { type: 'error', content: 'Connect a CRM account first.' },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Sync to CRM' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription('Connect a CRM account first.');
  },
};

/** Info messages and the tooltip describe an enabled action. */
export const InfoTooltip: Story = {
  args: {
    action: {
      label: 'Export',
      operation: 'export',
      tooltip: 'Download a CSV file',
      messages: [{ type: 'info', content: 'Large sheets take a minute.' }],
    },
  },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Export' });
    await userEvent.hover(button);
    const tooltip = await body().findByRole('tooltip');
    await expect(tooltip).toHaveTextContent('Download a CSV file');
    await expect(tooltip).toHaveTextContent('Large sheets take a minute.');
    // The tooltip and the info message are two lines, not one run-on sentence.
    const lineHeight = Number.parseFloat(getComputedStyle(tooltip).lineHeight);
    await expect(tooltip.getBoundingClientRect().height).toBeGreaterThan(2 * lineHeight);
    // The button sits near the top of the frame: there is no room above, so the tooltip shows below it,
    // whole, instead of being cut off.
    const box = tooltip.getBoundingClientRect();
    await expect(tooltip).toHaveAttribute('data-side', 'bottom');
    await expect(box.top).toBeGreaterThanOrEqual(button.getBoundingClientRect().bottom);
    await expect(box.bottom).toBeLessThanOrEqual(document.documentElement.clientHeight);
  },
};

/** The question changes with the records' validity. */
export const ConfirmWithConditionalText: Story = {
  args: {
    action: {
      label: 'Submit',
      operation: 'submit',
      primary: true,
      invalidConditionalMessaging: true,
      validRecordsMessage: 'All records are valid. Submit them?',
      invalidRecordsMessage: '12 records are invalid and will be skipped. Submit the rest?',
    },
    state: { allValid: false },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Submit' }));
    const dialog = await body().findByRole('alertdialog');
    await expect(dialog).toHaveAccessibleDescription('12 records are invalid and will be skipped. Submit the rest?');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body().queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Submit' })).toHaveFocus());
  },
};

/** While the job is created the dialog stays, says so, and cannot be dismissed. */
export const Pending: Story = {
  args: {
    action: { label: 'Export', operation: 'export', description: 'Export all records?' },
    client: { latency: 1500 },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Export' }));
    const dialog = await body().findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    const pending = within(dialog).getByRole('button', { name: 'Starting…' });
    await expect(pending).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{Escape}');
    await expect(body().getByRole('alertdialog')).toBeVisible();
  },
};

/** The server refuses once; the failure shows in the dialog and a retry succeeds. */
export const ServerErrorThenRetry: Story = {
  args: {
    action: { label: 'Export', operation: 'export', description: 'Export all records?' },
    client: { faults: { failNext: { create: 1 } } },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Export' }));
    const dialog = await body().findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not start “Export”');
    await expect(lastJob(canvasElement)).toBeUndefined();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(lastJob(canvasElement)).toMatchObject({ job: 'workbook:export' }));
  },
};

/** A long label wraps inside a narrow container instead of overflowing it. */
export const LongLabel: Story = {
  args: {
    action: {
      label: 'Export every record of every sheet of this workbook as one large CSV file',
      operation: 'export',
      confirm: false,
    },
    width: 260,
  },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: /Export every record/ });
    const container = canvasElement.querySelector('[dir]') as HTMLElement;
    await expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(container.getBoundingClientRect().right);
  },
};

/** Right to left: icon and label swap sides. */
export const RightToLeft: Story = {
  args: { action: { label: 'تصدير', operation: 'export', primary: true, confirm: false }, dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'تصدير' });
    const icon = button.querySelector('[data-slot="action-icon"]') as Element;
    const label = button.querySelector('[data-slot="action-button-label"]') as Element;
    await expect(icon.getBoundingClientRect().left).toBeGreaterThan(label.getBoundingClientRect().left);
  },
};

/** Dark scheme: the primary button keeps its contrast (axe checks it). */
export const Dark: Story = {
  args: { action: { label: 'Submit', operation: 'submit', primary: true, confirm: false }, colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Submit' });
    await expect(getComputedStyle(button).backgroundColor).toBe('rgb(142, 162, 255)');
  },
};

const formAction: Action = {
  label: 'Find and replace',
  operation: 'findReplace',
  mode: 'foreground',
  description: 'Replace matching values in this sheet?',
  inputForm: {
    type: 'simple',
    fields: [
      { key: 'find', label: 'Find', type: 'string', constraints: [{ type: 'required' }] },
      { key: 'replace', label: 'Replace with', type: 'string', defaultValue: '' },
      { key: 'note', label: 'Note for the log', type: 'textarea' },
      { key: 'limit', label: 'At most this many records', type: 'number', defaultValue: 100 },
      { key: 'caseSensitive', label: 'Match case', type: 'boolean', defaultValue: false },
      {
        key: 'scope',
        label: 'Where',
        type: 'enum',
        defaultValue: 'all',
        config: {
          options: [
            { value: 'all', label: 'Every column' },
            { value: 'selected', label: 'Selected columns', description: 'Only the columns you picked' },
            { value: 3, label: 'Column 3' },
          ],
        },
      },
    ],
  },
};

/** An action with an input form: one dialog asks the question and collects the answers, typed, as job.input. */
export const WithInputForm: Story = {
  args: { action: formAction },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Find and replace' }));
    const dialog = await body().findByRole('dialog', { name: 'Find and replace' });
    await expect(dialog).toHaveAccessibleDescription('Replace matching values in this sheet?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Find and replace' }));
    const find = within(dialog).getByRole('textbox', { name: /^Find/ });
    await expect(find).toHaveFocus();
    await expect(find).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(find, 'Acme Inc');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Replace with' }), 'ACME');
    const limit = within(dialog).getByRole('textbox', { name: 'At most this many records' });
    await userEvent.clear(limit);
    await userEvent.type(limit, '25');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Match case' }));
    await userEvent.click(within(dialog).getByRole('radio', { name: /Column 3/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Find and replace' }));
    await waitFor(() =>
      expect(lastJob(canvasElement)).toMatchObject({
        job: 'workbook:findReplace',
        mode: 'foreground',
        input: { find: 'Acme Inc', replace: 'ACME', limit: 25, caseSensitive: true, scope: 3 },
      }),
    );
    await expect(body().queryByRole('dialog')).toBeNull();
  },
};

/** A scheduled action says so; its guide and guardrail show in its dialog, as text. */
export const GuideGuardrailAndSchedule: Story = {
  args: {
    action: {
      label: 'Sync contacts',
      operation: 'sync',
      schedule: 'daily',
      description: 'Sync every contact with the CRM now?',
      guide: { content: 'Contacts are matched by **email**.' },
      guardrail: { content: 'Contacts deleted in the CRM are deleted here too.' },
    },
  },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Sync contacts' });
    await expect(button).toHaveAccessibleDescription('Also runs every day.');
    await userEvent.click(button);
    const dialog = await body().findByRole('alertdialog', { name: 'Sync contacts' });
    await expect(within(dialog).getByText('Contacts are matched by **email**.')).toBeVisible();
    const guardrail = within(dialog).getByRole('complementary', { name: 'Before you continue' });
    await expect(guardrail).toHaveTextContent('Contacts deleted in the CRM are deleted here too.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  },
};
