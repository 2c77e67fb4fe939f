import { render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/styles.css';
import { ActionMenu, type ActionMenuItem, type ColorScheme, JobsProvider, Tooltip } from '../../src';
import { createMemoryJobsClient } from '../../src/memory';

const client = createMemoryJobsClient();
const still = { duration: '0ms' };

function menuItems(onSelect = vi.fn()): ActionMenuItem[] {
  return [
    { id: 'export', label: 'Export to CSV', onSelect },
    {
      id: 'delete',
      label: 'Delete selected records',
      disabled: true,
      disabledReason: 'Select at least one record first.',
      danger: true,
      onSelect,
    },
    { id: 'dedupe', label: 'Find duplicates', tooltip: 'Compares every record', onSelect },
    { id: 'archive', label: 'Archive sheet', danger: true, onSelect },
  ];
}

function Page({ children, colorScheme = 'light' }: { children: ReactNode; colorScheme?: ColorScheme }) {
  return (
    <JobsProvider client={client} theme={still} colorScheme={colorScheme}>
      <main
        style={{
          padding: '64px 16px 16px',
          background: 'var(--jk-bg)',
          color: 'var(--jk-fg)',
          fontFamily: 'var(--jk-font)',
        }}
      >
        {children}
      </main>
    </JobsProvider>
  );
}

function inViewport(element: Element) {
  const rect = element.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  return (
    rect.width > 0 &&
    rect.height > 0 &&
    rect.left >= 0 &&
    rect.top >= 0 &&
    rect.right <= width &&
    rect.bottom <= window.innerHeight
  );
}

/** The element the user sees at the centre of `element`: it, or something inside it, unless covered. */
function onTop(element: Element) {
  const rect = element.getBoundingClientRect();
  const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  return hit !== null && element.contains(hit);
}

describe('ActionMenu in a real browser', () => {
  it('runs the whole keyboard path: open, move, type ahead, close, select', async () => {
    const onSelect = vi.fn();
    render(
      <Page>
        <button type="button">Before</button>
        <ActionMenu items={menuItems(onSelect)} />
        <button type="button">After</button>
      </Page>,
    );
    const trigger = screen.getByRole('button', { name: 'More actions' });
    await userEvent.click(screen.getByRole('button', { name: 'Before' }));
    await userEvent.tab();
    expect(trigger).toHaveFocus();

    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Export to CSV' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    const disabled = screen.getByRole('menuitem', { name: 'Delete selected records' });
    expect(disabled).toHaveFocus();
    expect(disabled).toHaveAccessibleDescription('Select at least one record first.');
    await userEvent.keyboard('{Enter}');
    expect(onSelect).not.toHaveBeenCalled();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Archive sheet' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Export to CSV' })).toHaveFocus();
    await userEvent.keyboard('f');
    expect(screen.getByRole('menuitem', { name: 'Find duplicates' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger).toHaveFocus();

    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Archive sheet' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    expect(screen.queryByRole('menu')).toBeNull();

    await userEvent.tab({ shift: true });
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'Export to CSV' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown} ');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(trigger).toHaveFocus();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('runs the pointer path: the trigger toggles, an item hovered is highlighted, a click selects', async () => {
    const onSelect = vi.fn();
    render(
      <Page>
        <ActionMenu items={menuItems(onSelect)} align="start" />
      </Page>,
    );
    const trigger = screen.getByRole('button', { name: 'More actions' });
    trigger.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Export to CSV' })).toHaveFocus();
    await userEvent.click(trigger);
    expect(screen.queryByRole('menu')).toBeNull();
    await userEvent.click(trigger);
    const item = screen.getByRole('menuitem', { name: 'Find duplicates' });
    await userEvent.hover(item);
    await waitFor(() => expect(item).toHaveAttribute('data-highlighted', ''));
    await userEvent.click(item);
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it.each([
    ['start', 'flex-start'],
    ['end', 'flex-end'],
    ['end', 'flex-start'],
  ] as const)(
    'shows the whole menu, above later content, from a narrow box (align %s, box at %s)',
    async (align, edge) => {
      render(
        <Page>
          <div style={{ display: 'flex', justifyContent: edge }}>
            <div style={{ width: 40 }}>
              <ActionMenu items={menuItems()} align={align} />
            </div>
          </div>
          <div style={{ position: 'relative', height: 300, background: 'rgb(200, 0, 0)' }}>Later content</div>
        </Page>,
      );
      await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
      const menu = screen.getByRole('menu');
      expect(menu).toBeVisible();
      expect(inViewport(menu)).toBe(true);
      expect(menu.getBoundingClientRect().width).toBeGreaterThan(100);
      for (const item of screen.getAllByRole('menuitem')) expect(onTop(item)).toBe(true);
    },
  );

  it('lines the menu up with the trigger’s start edge in right-to-left text', async () => {
    render(
      <Page>
        {/* At the start (right) edge, so the menu has room on the left, where `start` sends it. */}
        <div dir="rtl" style={{ display: 'flex', justifyContent: 'flex-start' }}>
          <ActionMenu items={menuItems()} align="start" />
        </div>
      </Page>,
    );
    const trigger = screen.getByRole('button', { name: 'More actions' });
    await userEvent.click(trigger);
    const menu = screen.getByRole('menu');
    // The page may still settle (a scrollbar appearing): the menu follows the trigger.
    await waitFor(() =>
      expect(menu.getBoundingClientRect().right).toBeCloseTo(trigger.getBoundingClientRect().right, 0),
    );
  });

  it('follows its trigger when a box around it scrolls, and stays whole inside an overflow: hidden toolbar', async () => {
    render(
      <Page>
        <div data-testid="scroller" style={{ blockSize: 120, overflow: 'auto' }}>
          <div style={{ blockSize: 40, overflow: 'hidden' }}>
            <ActionMenu items={menuItems()} align="start" />
          </div>
          <div style={{ blockSize: 400 }} />
        </div>
      </Page>,
    );
    const trigger = screen.getByRole('button', { name: 'More actions' });
    await userEvent.click(trigger);
    const menu = screen.getByRole('menu');
    const gap = () => menu.getBoundingClientRect().top - trigger.getBoundingClientRect().bottom;
    await waitFor(() => expect(gap()).toBeCloseTo(4, 0));
    // Taller than the 40px toolbar, and seen whole: nothing clips it.
    expect(menu.getBoundingClientRect().height).toBeGreaterThan(100);
    for (const item of screen.getAllByRole('menuitem')) expect(onTop(item)).toBe(true);
    const before = menu.getBoundingClientRect().top;
    screen.getByTestId('scroller').scrollTop = 30;
    await waitFor(() => expect(menu.getBoundingClientRect().top).toBeCloseTo(before - 30, 0));
    expect(gap()).toBeCloseTo(4, 0);
  });

  it('shows a tooltip on hover and keeps it while the pointer moves onto it', async () => {
    render(
      <Page>
        <Tooltip content="Select at least one record first." tone="error">
          <button type="button" aria-disabled="true">
            Delete
          </button>
        </Tooltip>
        <p>Elsewhere</p>
      </Page>,
    );
    await userEvent.hover(screen.getByRole('button', { name: 'Delete' }));
    const tip = await screen.findByRole('tooltip');
    expect(inViewport(tip)).toBe(true);
    await userEvent.hover(tip);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(tip).toBeVisible();
    await userEvent.hover(screen.getByText('Elsewhere'));
    await waitFor(() => expect(tip).not.toBeVisible());
  });

  it.each(['light', 'dark'] as const)('passes axe with the menu and a tooltip open (%s)', async (colorScheme) => {
    const { container } = render(
      <Page colorScheme={colorScheme}>
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', minHeight: 260 }}>
          <Tooltip content="Select at least one record first." tone="error" defaultOpen>
            <button type="button" aria-disabled="true">
              Delete
            </button>
          </Tooltip>
          <Tooltip content="Exports every sheet" side="bottom" defaultOpen>
            <button type="button">Export</button>
          </Tooltip>
          <ActionMenu items={menuItems()} align="start" />
        </div>
      </Page>,
    );
    const report = (results: axe.AxeResults) =>
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
      );
    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('menu')).toBeVisible();
    expect(screen.getAllByRole('tooltip')).toHaveLength(2);
    expect(report(await axe.run(container))).toEqual([]);
    // Every item keeps its contrast when highlighted, danger and disabled ones included.
    for (const item of screen.getAllByRole('menuitem')) {
      item.focus();
      await waitFor(() => expect(item).toHaveAttribute('data-highlighted', ''));
      expect(report(await axe.run(screen.getByRole('menu'), { runOnly: ['color-contrast'] }))).toEqual([]);
    }
  });
});
