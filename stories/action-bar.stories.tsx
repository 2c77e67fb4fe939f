import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type Action, type ActionContextState, collectionSubject } from '../src/core';
import { ActionBar } from '../src';
import { ActionHarness, lastJob } from './support/action-harness';

const sheetActions: Action[] = [
  {
    label: 'Submit',
    operation: 'submitAction',
    primary: true,
    mode: 'foreground',
    description: 'Submit all valid records?',
  },
  { label: 'Validate', operation: 'validate', confirm: false, tooltip: 'Run every validation again' },
  {
    label: 'Remove duplicates',
    operation: 'dedupe',
    mode: 'toolbarBlocking',
    constraints: [{ type: 'hasSelection' }],
    description: 'Remove duplicates among the selected records?',
  },
  { label: 'Export', operation: 'export', confirm: false, icon: 'none' },
];

interface Args {
  actions: Action[];
  state?: ActionContextState;
  width?: number;
  dir?: 'ltr' | 'rtl';
  selected?: string[];
}

function Demo({ actions, state, width, dir, selected = [] }: Args) {
  return (
    <ActionHarness {...(width ? { width } : {})} {...(dir ? { dir } : {})}>
      {(onJobCreated) => (
        <ActionBar
          label="Sheet actions"
          actions={actions}
          domain="sheet"
          source="us_sh_contacts"
          subject={() =>
            collectionSubject({ sheetId: 'us_sh_contacts', selection: { type: 'include', ids: selected } })
          }
          state={{ selectionCount: selected.length, ...state }}
          onJobCreated={onJobCreated}
        />
      )}
    </ActionHarness>
  );
}

const meta = {
  title: 'Actions/ActionBar',
  component: Demo,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = () => within(document.body);

/** Primary actions are buttons; the rest wait in the overflow menu, in their configured order. */
export const SheetToolbar: Story = {
  args: { actions: sheetActions },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('group', { name: 'Sheet actions' });
    await expect(within(bar).getByRole('button', { name: 'Submit' })).toHaveAttribute('data-primary');
    await userEvent.click(within(bar).getByRole('button', { name: 'More actions' }));
    const items = await body().findAllByRole('menuitem');
    await expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Validate'),
      expect.stringContaining('Remove duplicates'),
      expect.stringContaining('Export'),
    ]);
    const dedupe = body().getByRole('menuitem', { name: /Remove duplicates/ });
    await expect(dedupe).toHaveAttribute('aria-disabled', 'true');
    await expect(dedupe).toHaveAccessibleDescription('Select at least one record first.');
    await userEvent.keyboard('{Escape}');
  },
};

/** With records selected, a menu action runs on exactly those records. */
export const MenuActionOnSelection: Story = {
  args: { actions: sheetActions, selected: ['us_rc_1', 'us_rc_7'] },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'More actions' }));
    await userEvent.click(await body().findByRole('menuitem', { name: /Remove duplicates/ }));
    const dialog = await body().findByRole('alertdialog', { name: 'Remove duplicates' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove duplicates' }));
    await waitFor(() =>
      expect(lastJob(canvasElement)).toMatchObject({
        job: 'sheet:dedupe',
        mode: 'toolbarBlocking',
        subject: {
          type: 'collection',
          params: { sheetId: 'us_sh_contacts' },
          query: { filter: 'none', ids: ['us_rc_1', 'us_rc_7'] },
        },
      }),
    );
  },
};

const many: Action[] = Array.from({ length: 9 }, (_, i) => ({
  label: ['Submit', 'Approve', 'Publish', 'Archive', 'Notify owners', 'Recalculate totals', 'Export', 'Merge', 'Split'][
    i
  ] as string,
  operation: `op${i}`,
  primary: i < 4,
  confirm: false,
}));

/** Many actions in a narrow bar wrap onto lines; nothing overflows the bar. */
export const ManyActionsNarrow: Story = {
  args: { actions: many, width: 300 },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('group', { name: 'Sheet actions' });
    const edge = bar.getBoundingClientRect().right;
    for (const button of within(bar).getAllByRole('button')) {
      await expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(edge + 0.5);
    }
    await userEvent.click(within(bar).getByRole('button', { name: 'More actions' }));
    await expect(await body().findAllByRole('menuitem')).toHaveLength(5);
  },
};

/** Right to left. */
export const RightToLeft: Story = {
  args: { actions: sheetActions, dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole('group', { name: 'Sheet actions' });
    const submit = within(bar).getByRole('button', { name: 'Submit' });
    const more = within(bar).getByRole('button', { name: 'More actions' });
    await expect(submit.getBoundingClientRect().left).toBeGreaterThan(more.getBoundingClientRect().left);
  },
};
