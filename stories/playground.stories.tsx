import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Playground } from './playground';

/**
 * Start here. A small host app built on the kit and its in-memory engine: a Contacts sheet (toolbar actions,
 * checkboxes, a column-header menu), uploaded files with their own menus, the jobs indicator and panel,
 * outcome popups and notices. Every action starts one of Flatfile's built-in job kinds: Extract, Map,
 * DeleteRecords, Export, MutateRecords, Configure, AI assist and Find and replace, in foreground,
 * toolbarBlocking and background modes. Use the controls to speed jobs up, make them fail, or switch
 * theme; Replay starts over. The end-to-end suite (`e2e/`) drives this story in Chromium.
 */
const meta = {
  title: 'Playground',
  component: Playground,
  parameters: { layout: 'fullscreen' },
  args: { speed: 1, failureRate: 0, theme: 'light', stallAfterMs: 120_000 },
  argTypes: {
    speed: { control: { type: 'range', min: 0.5, max: 8, step: 0.5 } },
    failureRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'system'] },
    stallAfterMs: { control: { type: 'number', min: 1000, step: 1000 } },
  },
} satisfies Meta<typeof Playground>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The host app, ready to click. */
export const HostApp: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toolbar = await canvas.findByRole('group', { name: 'Sheet actions' }, { timeout: 5000 });
    await expect(within(toolbar).getByRole('button', { name: 'Export CSV' })).toBeVisible();
    await expect(within(toolbar).getByRole('button', { name: 'Delete selected' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(canvas.getByRole('table', { name: 'Contacts records' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Email column actions' })).toBeVisible();
    await expect(canvas.getByRole('list', { name: 'Files' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Actions for legacy-export.xlsx' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: /^Jobs/ })).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.getByRole('button', { name: 'Replay' })).toBeVisible();
  },
};

/** The same app in the dark theme. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Contacts records' }, { timeout: 5000 });
    await expect(canvas.getByRole('group', { name: 'Sheet actions' })).toBeVisible();
  },
};
