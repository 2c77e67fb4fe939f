import type { Meta, StoryObj } from '@storybook/react-vite';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { ActionMenu, type ActionMenuItem, JobsIndicator, JobsProvider, type Messages, Tooltip } from '../src';
import { createMemoryJobsClient } from '../src/memory';

/*
 * Where the floating parts go: tooltip, overflow menu and the indicator's popover, all open at once, with
 * their triggers against each edge of the viewport, inside a clipping toolbar, and in right-to-left text.
 * Each play function measures the boxes the user sees.
 */

const MARGIN = 8;

const items: ActionMenuItem[] = [
  { id: 'export', label: 'Export to CSV', onSelect: () => undefined },
  { id: 'dedupe', label: 'Find duplicates', tooltip: 'Compares every record in this sheet', onSelect: () => undefined },
  {
    id: 'delete',
    label: 'Delete selected records',
    disabled: true,
    disabledReason: 'Select at least one record first.',
    onSelect: () => undefined,
  },
  { id: 'archive', label: 'Archive sheet', onSelect: () => undefined },
];

function Stage({ children, messages }: { children: ReactNode; messages?: Partial<Messages> }) {
  const [client] = useState(() => createMemoryJobsClient());
  return (
    <JobsProvider client={client} theme={{ duration: '0ms' }} {...(messages === undefined ? {} : { messages })}>
      <main
        style={{ fontFamily: 'var(--jk-font)', color: 'var(--jk-fg)', background: 'var(--jk-bg)', minHeight: '100vh' }}
      >
        {children}
      </main>
    </JobsProvider>
  );
}

/** The three floating parts, open, their triggers laid out by `style`. */
function Triggers({ style, align = 'end' }: { style: CSSProperties; align?: 'start' | 'end' }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, ...style }}>
      <Tooltip content="Exports every sheet of this workbook to one CSV file" defaultOpen>
        <button type="button" style={{ font: 'inherit', padding: '4px 10px' }}>
          Export
        </button>
      </Tooltip>
      <ActionMenu items={items} defaultOpen align={align} />
      <JobsIndicator defaultOpen />
    </div>
  );
}

type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The floating parts and their triggers, once all three are open. */
async function openParts(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const page = within(canvasElement.ownerDocument.body);
  const tooltip = await page.findByRole('tooltip');
  const menu = page.getByRole('menu');
  const popover = canvasElement.ownerDocument.querySelector('[data-slot="jobs-indicator-popover"]') as HTMLElement;
  await expect(popover).not.toBeNull();
  return [
    { name: 'tooltip', box: tooltip, trigger: canvas.getByRole('button', { name: 'Export' }) },
    { name: 'menu', box: menu, trigger: canvas.getByRole('button', { name: 'More actions' }) },
    { name: 'popover', box: popover, trigger: canvas.getByRole('button', { name: /^Jobs/ }) },
  ];
}

/** Every part whole inside the viewport (with its margin), beside its trigger, on the `side` expected. */
async function expectPlaced(canvasElement: HTMLElement, sides: Record<string, string | RegExp>) {
  const parts = await openParts(canvasElement);
  const view = canvasElement.ownerDocument.documentElement;
  await waitFor(() => {
    for (const { name, box, trigger } of parts) {
      const rect = box.getBoundingClientRect();
      expect({
        name,
        inside:
          rect.left >= MARGIN - 1 &&
          rect.top >= MARGIN - 1 &&
          rect.right <= view.clientWidth - MARGIN + 1 &&
          rect.bottom <= view.clientHeight - MARGIN + 1,
      }).toEqual({ name, inside: true });
      expect({ name, coversTrigger: overlaps(rect, trigger.getBoundingClientRect()) }).toEqual({
        name,
        coversTrigger: false,
      });
      expect({ name, side: box.getAttribute('data-side') }).toEqual({
        name,
        side: expect.stringMatching(sides[name] ?? /./),
      });
    }
  });
  return parts;
}

const meta = {
  title: 'Positioning',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

/** Triggers along the top edge: the tooltip has no room above and goes below; everything stays on screen. */
export const TopEdge: Story = {
  render: () => (
    <Stage>
      <Triggers style={{ position: 'fixed', insetInline: 0, top: 0 }} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    await expectPlaced(canvasElement, { tooltip: 'bottom', menu: 'bottom', popover: 'bottom' });
  },
};

/** Triggers along the bottom edge: all three flip above their trigger, the menu and the panel shortened to fit. */
export const BottomEdge: Story = {
  render: () => (
    <Stage>
      <Triggers style={{ position: 'fixed', insetInline: 0, bottom: 0 }} />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    await expectPlaced(canvasElement, { tooltip: 'top', menu: 'top', popover: 'top' });
  },
};

/** Triggers down the left edge: the boxes slide right to stay whole. */
export const LeftEdge: Story = {
  render: () => (
    <Stage>
      <Triggers
        style={{ position: 'fixed', insetBlock: '40vh 0', left: 0, flexDirection: 'column', alignItems: 'flex-start' }}
        align="start"
      />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const parts = await expectPlaced(canvasElement, {});
    // The centred tooltip was pushed right of where centring would put it.
    const [tooltip] = parts;
    if (tooltip === undefined) throw new Error('no tooltip');
    const tip = tooltip.box.getBoundingClientRect();
    const trigger = tooltip.trigger.getBoundingClientRect();
    await expect(tip.left + tip.width / 2).toBeGreaterThan(trigger.left + trigger.width / 2);
  },
};

/** Triggers down the right edge: the boxes slide left to stay whole. */
export const RightEdge: Story = {
  render: () => (
    <Stage>
      <Triggers
        style={{ position: 'fixed', insetBlock: '40vh 0', right: 0, flexDirection: 'column', alignItems: 'flex-end' }}
      />
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const [tooltip] = await expectPlaced(canvasElement, {});
    if (tooltip === undefined) throw new Error('no tooltip');
    const tip = tooltip.box.getBoundingClientRect();
    const trigger = tooltip.trigger.getBoundingClientRect();
    await expect(tip.left + tip.width / 2).toBeLessThan(trigger.left + trigger.width / 2);
  },
};

/** A toolbar 44px tall with `overflow: hidden`: the parts are portalled, so it clips none of them. */
export const InsideAClippingToolbar: Story = {
  render: () => (
    <Stage>
      <div style={{ padding: '120px 16px 0' }}>
        <div
          role="toolbar"
          aria-label="Sheet"
          style={{ overflow: 'hidden', blockSize: 44, border: '1px solid var(--jk-border)', padding: '0 8px' }}
        >
          <Triggers style={{ blockSize: '100%' }} />
        </div>
      </div>
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const parts = await expectPlaced(canvasElement, {});
    const toolbar = within(canvasElement).getByRole('toolbar');
    for (const { name, box } of parts) {
      // Outside the toolbar in the DOM, and what the user sees at the box's centre is the box itself.
      await expect({ name, inToolbar: toolbar.contains(box) }).toEqual({ name, inToolbar: false });
      const rect = box.getBoundingClientRect();
      const hit = canvasElement.ownerDocument.elementFromPoint(
        rect.left + rect.width / 2,
        rect.top + Math.min(rect.height / 2, 20),
      );
      await expect({ name, seen: hit !== null && box.contains(hit) }).toEqual({ name, seen: true });
      const bar = toolbar.getBoundingClientRect();
      await expect({ name, outsideTheToolbar: rect.top < bar.top || rect.bottom > bar.bottom }).toEqual({
        name,
        outsideTheToolbar: true,
      });
    }
  },
};

/** Right to left: the portalled parts keep the page's direction; `start` and `end` follow it. */
export const RightToLeft: Story = {
  render: () => (
    <Stage messages={{ 'action.moreActions': 'More actions' }}>
      <div dir="rtl" lang="he" style={{ padding: '96px 16px 0' }}>
        <Triggers style={{ justifyContent: 'center', gap: 24 }} align="start" />
      </div>
    </Stage>
  ),
  play: async ({ canvasElement }) => {
    const [tooltip, menu, popover] = await expectPlaced(canvasElement, {});
    if (tooltip === undefined || menu === undefined || popover === undefined) throw new Error('missing part');
    for (const { box } of [tooltip, menu, popover])
      await expect(box.closest('[data-jk-root]')).toHaveAttribute('dir', 'rtl');
    // `start` in right-to-left is the right edge: the menu lines up with its trigger's right.
    await waitFor(() =>
      expect(
        Math.abs(menu.box.getBoundingClientRect().right - menu.trigger.getBoundingClientRect().right),
      ).toBeLessThan(1),
    );
    // The popover keeps to `end`, the trigger's left (unless a narrow viewport pushes it back on screen).
    const panel = popover.box.getBoundingClientRect();
    const trigger = popover.trigger.getBoundingClientRect();
    await expect(
      Math.abs(panel.left - trigger.left) < 1 ||
        panel.left <= MARGIN + 1 ||
        panel.right >= canvasElement.ownerDocument.documentElement.clientWidth - MARGIN - 1,
    ).toBe(true);
  },
};
