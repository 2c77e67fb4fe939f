import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  type Action,
  ActionBar,
  type ColorScheme,
  JobsProvider,
  type JobsProviderProps,
  ProgressBar,
  type Theme,
} from '../src';
import { createMemoryJobsClient } from '../src/memory';

/*
 * Theming, from the lightest touch to the heaviest: tokens through `theme`, per-part `classNames`,
 * provider-wide defaults, a fully `unstyled` kit styled by the host's own utility classes, dark and
 * right to left. Each play function checks the colours and classes the user ends up with.
 */

const actions: Action[] = [
  { label: 'Submit', operation: 'submit', primary: true, confirm: false },
  { label: 'Export', operation: 'export', primary: true, confirm: false, tooltip: 'Download every record as CSV' },
  { label: 'Find duplicates', operation: 'dedupe' },
  { label: 'Archive sheet', operation: 'archive' },
];

type StageProps = Omit<JobsProviderProps, 'client' | 'children'> & {
  children: ReactNode;
  dir?: 'ltr' | 'rtl';
  colorScheme?: ColorScheme;
};

function Stage({ children, dir = 'ltr', ...provider }: StageProps) {
  const [client] = useState(() => createMemoryJobsClient());
  return (
    <JobsProvider client={client} {...provider}>
      <main
        dir={dir}
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: 24,
          minHeight: 260,
        }}
      >
        {children}
      </main>
    </JobsProvider>
  );
}

function Toolbar(props: Partial<Parameters<typeof ActionBar>[0]>) {
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 520 }}>
      <ActionBar label="Sheet actions" domain="sheet" source="us_sh_theming" actions={actions} {...props} />
      <ProgressBar value={64} label="Import contacts" />
    </div>
  );
}

const colorOf = (element: Element, property = 'background-color') =>
  getComputedStyle(element).getPropertyValue(property);

const meta = {
  title: 'Theming',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

const brand: Theme = { accent: '#0b7a5a', radius: '14px', font: 'Georgia, serif', dark: { accent: '#5ee0b5' } };

/** Tokens through `theme`: one accent, radius and font on the provider reach every part. */
export const TokensThroughTheme: Story = {
  render: () => (
    <Stage theme={brand} colorScheme="light">
      <Toolbar />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const submit = canvas.getByRole('button', { name: 'Submit' });
    await expect(colorOf(submit)).toBe('rgb(11, 122, 90)');
    await expect(getComputedStyle(submit).borderTopLeftRadius).toBe('14px');
    const fill = canvas.getByRole('progressbar').querySelector('[data-slot="progress-fill"]') as HTMLElement;
    await expect(colorOf(fill)).toBe('rgb(11, 122, 90)');
  },
};

/** Per-part `classNames`: the host's classes on the parts it names, the menu's included. */
export const PerPartClassNames: Story = {
  render: () => (
    <Stage colorScheme="light">
      <style>{`
        .host-primary { background: rgb(120, 40, 160); color: white; }
        .host-item[data-highlighted] { background: rgb(255, 236, 179); }
      `}</style>
      <Toolbar classNames={{ actionButton: { button: 'host-primary' }, actionMenu: { item: 'host-item' } }} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const submit = canvas.getByRole('button', { name: 'Submit' });
    await expect(submit).toHaveClass('host-primary');
    // The kit's selectors weigh nothing (`:where`), so the host's class wins.
    await expect(colorOf(submit)).toBe('rgb(120, 40, 160)');
    await userEvent.click(canvas.getByRole('button', { name: 'More actions' }));
    const item = await within(canvasElement.ownerDocument.body).findByRole('menuitem', { name: 'Find duplicates' });
    await userEvent.hover(item);
    await waitFor(() => expect(colorOf(item)).toBe('rgb(255, 236, 179)'));
    await userEvent.keyboard('{Escape}');
  },
};

/** Provider defaults: every ActionButton takes the provider's classes; one instance overrides a part. */
export const ProviderDefaults: Story = {
  render: () => (
    <Stage colorScheme="light" classNames={{ ActionButton: { button: 'kit-wide' }, ProgressBar: { fill: 'kit-fill' } }}>
      <style>{`
        .kit-wide { outline: 2px dashed rgb(0, 90, 200); }
        .kit-fill { background: rgb(0, 90, 200); }
        .just-this-one { outline: 2px solid rgb(200, 0, 80); }
      `}</style>
      <Toolbar classNames={{ actionButton: { button: 'just-this-one' } }} />
      <div style={{ marginTop: 16 }}>
        <ActionBar
          label="Other actions"
          domain="sheet"
          source="us_sh_other"
          actions={[{ label: 'Validate', operation: 'validate', primary: true }]}
        />
      </div>
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const overridden = canvas.getByRole('button', { name: 'Submit' });
    await expect(overridden).toHaveClass('just-this-one');
    await expect(overridden).not.toHaveClass('kit-wide');
    const provided = canvas.getByRole('button', { name: 'Validate' });
    await expect(provided).toHaveClass('kit-wide');
    await expect(colorOf(provided, 'outline-color')).toBe('rgb(0, 90, 200)');
    const fill = canvas.getByRole('progressbar').querySelector('[data-slot="progress-fill"]') as HTMLElement;
    await expect(colorOf(fill)).toBe('rgb(0, 90, 200)');
  },
};

/**
 * The whole kit `unstyled` from the provider and styled with plain utility-like classes, the way a
 * Tailwind app would: none of the kit's look remains, composed parts (menu, tooltip) included.
 */
export const UnstyledWithUtilityClasses: Story = {
  render: () => (
    <Stage
      colorScheme="light"
      unstyled
      classNames={{
        ActionBar: { root: 'u-flex u-gap-2' },
        ActionButton: { button: 'u-btn', tooltip: { content: 'u-tip' } },
        ActionMenu: { trigger: 'u-btn', menu: 'u-card', item: 'u-item' },
        ProgressBar: { root: 'u-track', fill: 'u-fill' },
      }}
    >
      <style>{`
        .u-flex { display: flex; } .u-gap-2 { gap: 8px; }
        .u-btn { padding: 6px 12px; border: 1px solid rgb(15, 23, 42); border-radius: 0; background: rgb(248, 250, 252); color: rgb(15, 23, 42); font: inherit; }
        .u-card { z-index: 50; min-width: 180px; padding: 4px; border: 1px solid rgb(15, 23, 42); background: white; }
        .u-item { padding: 6px 8px; color: rgb(15, 23, 42); }
        .u-tip { z-index: 60; padding: 4px 8px; background: rgb(15, 23, 42); color: white; }
        .u-track { height: 6px; background: rgb(226, 232, 240); overflow: hidden; }
        .u-fill { height: 100%; background: rgb(22, 163, 74); transform-origin: left; transform: scaleX(var(--jk-progress)); }
      `}</style>
      <Toolbar />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    const submit = canvas.getByRole('button', { name: 'Submit' });
    await expect(submit).toHaveAttribute('data-unstyled', '');
    await expect(getComputedStyle(submit).borderTopLeftRadius).toBe('0px');
    await expect(colorOf(submit)).toBe('rgb(248, 250, 252)');
    const track = canvas.getByRole('progressbar');
    await expect(track).toHaveClass('u-track');
    await expect(colorOf(track)).toBe('rgb(226, 232, 240)');
    await userEvent.hover(canvas.getByRole('button', { name: 'Export' }));
    const tip = await page.findByRole('tooltip');
    await expect(tip).toHaveClass('u-tip');
    await expect(tip).toHaveAttribute('data-unstyled', '');
    await userEvent.unhover(canvas.getByRole('button', { name: 'Export' }));
    await userEvent.click(canvas.getByRole('button', { name: 'More actions' }));
    const menu = await page.findByRole('menu');
    await expect(menu).toHaveClass('u-card');
    // Unstyled, yet still placed: positioning is behaviour, not looks.
    await waitFor(() =>
      expect(menu.getBoundingClientRect().top).toBeGreaterThan(
        canvas.getByRole('button', { name: 'More actions' }).getBoundingClientRect().bottom - 1,
      ),
    );
    for (const element of [menu, ...page.getAllByRole('menuitem')])
      await expect(element).toHaveAttribute('data-unstyled', '');
    await userEvent.keyboard('{Escape}');
  },
};

/** Dark: the provider's scheme (and the theme's dark tokens) reach the portalled menu too. */
export const Dark: Story = {
  render: () => (
    <Stage theme={brand} colorScheme="dark">
      <Toolbar />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(colorOf(canvas.getByRole('button', { name: 'Submit' }))).toBe('rgb(94, 224, 181)');
    await userEvent.click(canvas.getByRole('button', { name: 'More actions' }));
    const menu = await within(canvasElement.ownerDocument.body).findByRole('menu');
    await expect(getComputedStyle(menu).colorScheme).toBe('dark');
    await expect(colorOf(menu)).toBe('rgb(23, 25, 30)');
    await userEvent.keyboard('{Escape}');
  },
};

/** Right to left: logical properties put the overflow menu at the inline end, which is the left. */
export const RightToLeft: Story = {
  render: () => (
    <Stage theme={brand} colorScheme="light" dir="rtl" messages={{ 'action.moreActions': 'More actions' }}>
      <Toolbar />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const submit = canvas.getByRole('button', { name: 'Submit' });
    const more = canvas.getByRole('button', { name: 'More actions' });
    await expect(more.getBoundingClientRect().right).toBeLessThan(submit.getBoundingClientRect().left);
    await userEvent.click(more);
    const menu = await within(canvasElement.ownerDocument.body).findByRole('menu');
    await expect(menu.closest('[data-jk-root]')).toHaveAttribute('dir', 'rtl');
    // `align="end"` in right-to-left: the menu's left edge lines up with the trigger's left.
    await waitFor(() =>
      expect(Math.abs(menu.getBoundingClientRect().left - more.getBoundingClientRect().left)).toBeLessThan(1),
    );
    await userEvent.keyboard('{Escape}');
  },
};
