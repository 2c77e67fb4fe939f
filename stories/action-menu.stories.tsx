import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  ActionIcon,
  ActionMenu,
  type ActionMenuItem,
  type ColorScheme,
  JobsProvider,
  type Messages,
  Tooltip,
} from '../src';
import { createMemoryJobsClient } from '../src/memory';

function Frame({
  children,
  colorScheme = 'light',
  icons,
  messages,
}: {
  children: ReactNode;
  colorScheme?: ColorScheme;
  icons?: Record<string, ReactNode>;
  messages?: Partial<Messages>;
}) {
  const [client] = useState(() => createMemoryJobsClient());
  return (
    <JobsProvider
      client={client}
      colorScheme={colorScheme}
      {...(icons === undefined ? {} : { icons })}
      {...(messages === undefined ? {} : { messages })}
    >
      <main
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: '56px 16px 16px',
          minHeight: 300,
        }}
      >
        {children}
      </main>
    </JobsProvider>
  );
}

const log = (what: string) => () => console.info(`selected ${what}`);

const sheetActions: ActionMenuItem[] = [
  { id: 'export', label: 'Export to CSV', icon: <ActionIcon name="download" />, onSelect: log('export') },
  {
    id: 'dedupe',
    label: 'Find duplicates',
    icon: <ActionIcon name={undefined} />,
    tooltip: 'Compares every record in this sheet',
    onSelect: log('dedupe'),
  },
  {
    id: 'delete',
    label: 'Delete selected records',
    icon: <ActionIcon name={undefined} />,
    disabled: true,
    disabledReason: 'Select at least one record first.',
    danger: true,
    onSelect: log('delete'),
  },
  { id: 'archive', label: 'Archive sheet', danger: true, onSelect: log('archive') },
];

const downloadIcon = (
  <svg
    viewBox="0 0 16 16"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    aria-hidden="true"
    data-testid="host-download"
  >
    <path d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10" />
  </svg>
);

const meta = {
  title: 'Actions/Parts',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

/** The overflow menu, closed: a kebab button named "More actions". */
export const MenuClosed: Story = {
  render: () => (
    <Frame icons={{ download: downloadIcon }}>
      <ActionMenu items={sheetActions} align="start" />
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    // The page, not just the canvas: menus and tooltips are portalled to the end of the body.
    const canvas = within(canvasElement.ownerDocument.body);
    const trigger = canvas.getByRole('button', { name: 'More actions' });
    await expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.queryByRole('menu')).toBeNull();
  },
};

/** Open, with a disabled item that stays in the menu and says why. */
export const MenuOpenWithDisabledItem: Story = {
  render: () => (
    <Frame icons={{ download: downloadIcon }}>
      <ActionMenu items={sheetActions} align="start" />
    </Frame>
  ),
  play: async ({ canvasElement, step }) => {
    // The page, not just the canvas: menus and tooltips are portalled to the end of the body.
    const canvas = within(canvasElement.ownerDocument.body);
    const trigger = canvas.getByRole('button', { name: 'More actions' });
    await step('the keyboard opens it on the first item', async () => {
      trigger.focus();
      await userEvent.keyboard('{ArrowDown}');
      await expect(canvas.getByRole('menu', { name: 'More actions' })).toBeVisible();
      await expect(canvas.getByRole('menuitem', { name: 'Export to CSV' })).toHaveFocus();
    });
    await step('the disabled item is reachable and explains itself', async () => {
      await userEvent.keyboard('{End}{ArrowUp}');
      const disabled = canvas.getByRole('menuitem', { name: 'Delete selected records' });
      await expect(disabled).toHaveFocus();
      await expect(disabled).toHaveAttribute('aria-disabled', 'true');
      await expect(disabled).toHaveAccessibleDescription('Select at least one record first.');
      await expect(within(disabled).getByText('Select at least one record first.')).toBeVisible();
      await userEvent.keyboard('{Enter}');
      await expect(canvas.getByRole('menu')).toBeVisible();
    });
  },
};

/** A disabled action keeps focus and says why in an error tooltip, which is also its description. */
export const TooltipOnDisabledButton: Story = {
  render: () => (
    <Frame>
      <Tooltip content="Select at least one record first." tone="error">
        <button type="button" aria-disabled="true" style={{ font: 'inherit', padding: '6px 12px' }}>
          Delete records
        </button>
      </Tooltip>
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    // The page, not just the canvas: menus and tooltips are portalled to the end of the body.
    const canvas = within(canvasElement.ownerDocument.body);
    await userEvent.tab();
    const button = canvas.getByRole('button', { name: 'Delete records' });
    await expect(button).toHaveFocus();
    const tip = await canvas.findByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toHaveTextContent('Select at least one record first.');
    await expect(button).toHaveAccessibleDescription('Select at least one record first.');
  },
};

/** `action.icon`: the default lightning bolt, an icon from the host's map, and `'none'`. */
export const IconVariants: Story = {
  render: () => (
    <Frame icons={{ download: downloadIcon }}>
      <div style={{ display: 'flex', gap: 12 }}>
        <button type="button" style={{ display: 'inline-flex', gap: 6, alignItems: 'center', font: 'inherit' }}>
          <ActionIcon name={undefined} />
          Default
        </button>
        <button type="button" style={{ display: 'inline-flex', gap: 6, alignItems: 'center', font: 'inherit' }}>
          <ActionIcon name="download" />
          Host icon
        </button>
        <button type="button" style={{ display: 'inline-flex', gap: 6, alignItems: 'center', font: 'inherit' }}>
          <ActionIcon name="none" />
          No icon
        </button>
      </div>
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    // The page, not just the canvas: menus and tooltips are portalled to the end of the body.
    const canvas = within(canvasElement.ownerDocument.body);
    const iconIn = (name: string) => canvas.getByRole('button', { name }).querySelector('[data-slot="action-icon"]');
    await expect(iconIn('Default')).toHaveAttribute('data-default', '');
    await expect(iconIn('Default')?.querySelector('svg')).toBeVisible();
    await expect(iconIn('Host icon')?.querySelector('[data-testid="host-download"]')).toBeVisible();
    await expect(iconIn('No icon')).toBeNull();
    for (const name of ['Default', 'Host icon']) await expect(iconIn(name)).toHaveAttribute('aria-hidden', 'true');
  },
};

/** Right to left: the menu lines up with the trigger's start edge, which is its right. */
export const RightToLeft: Story = {
  render: () => (
    <Frame messages={{ 'action.moreActions': 'פעולות נוספות' }}>
      <div dir="rtl" lang="he" style={{ display: 'flex', justifyContent: 'center' }}>
        <ActionMenu
          align="start"
          items={[
            { id: 'export', label: 'ייצוא ל-CSV', onSelect: log('export') },
            {
              id: 'delete',
              label: 'מחיקת רשומות',
              disabled: true,
              disabledReason: 'בחרו רשומה אחת לפחות.',
              onSelect: log('delete'),
            },
          ]}
        />
      </div>
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    // The page, not just the canvas: menus and tooltips are portalled to the end of the body.
    const canvas = within(canvasElement.ownerDocument.body);
    const trigger = canvas.getByRole('button', { name: 'פעולות נוספות' });
    await userEvent.click(trigger);
    const menu = canvas.getByRole('menu');
    await expect(menu).toBeVisible();
    await waitFor(() =>
      expect(Math.abs(menu.getBoundingClientRect().right - trigger.getBoundingClientRect().right)).toBeLessThan(1),
    );
    await expect(canvas.getByRole('menuitem', { name: 'מחיקת רשומות' })).toHaveAccessibleDescription(
      'בחרו רשומה אחת לפחות.',
    );
  },
};

/** The dark scheme, set on the provider: menu and tooltip take the dark tokens. */
export const Dark: Story = {
  render: () => (
    <Frame colorScheme="dark" icons={{ download: downloadIcon }}>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <Tooltip content="Select at least one record first." tone="error" defaultOpen>
          <button type="button" aria-disabled="true" style={{ font: 'inherit', padding: '6px 12px' }}>
            Delete records
          </button>
        </Tooltip>
        <ActionMenu items={sheetActions} align="start" />
      </div>
    </Frame>
  ),
  play: async ({ canvasElement }) => {
    // The page, not just the canvas: menus and tooltips are portalled to the end of the body.
    const canvas = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole('button', { name: 'More actions' }));
    const menu = canvas.getByRole('menu');
    await expect(getComputedStyle(menu).backgroundColor).toBe('rgb(23, 25, 30)');
    await expect(getComputedStyle(canvas.getByRole('menuitem', { name: 'Export to CSV' })).color).toBe(
      'rgb(232, 234, 238)',
    );
    const tip = canvas.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(getComputedStyle(tip).backgroundColor).toBe('rgb(23, 25, 30)');
  },
};
