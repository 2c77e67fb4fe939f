import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ActionMenu, type ActionMenuItem, type ActionMenuProps, JobsProvider } from '../../src';
import { createMemoryJobsClient } from '../../src/memory';

function items(overrides: Partial<Record<string, Partial<ActionMenuItem>>> = {}): ActionMenuItem[] {
  const base: ActionMenuItem[] = [
    { id: 'export', label: 'Export', onSelect: vi.fn() },
    {
      id: 'delete',
      label: 'Delete records',
      disabled: true,
      disabledReason: 'Select at least one record first.',
      onSelect: vi.fn(),
    },
    { id: 'dedupe', label: 'Dedupe', tooltip: 'Merges duplicate rows', onSelect: vi.fn() },
    { id: 'download', label: 'Download', onSelect: vi.fn() },
  ];
  return base.map((item) => ({ ...item, ...overrides[item.id] }));
}

function renderMenu(props: Partial<ActionMenuProps> = {}) {
  const list = props.items ?? items();
  const utils = render(
    <JobsProvider client={createMemoryJobsClient()}>
      <p>Outside</p>
      <ActionMenu items={list} {...props} />
      <button type="button">After</button>
    </JobsProvider>,
  );
  const trigger = screen.getByRole('button', { name: 'More actions' });
  return { ...utils, trigger, list, user: userEvent.setup() };
}

/** Renders the menu, focuses its trigger and presses `keys` (ArrowDown: open on the first item). */
async function pressOnTrigger(keys = '{ArrowDown}', props: Partial<ActionMenuProps> = {}) {
  const rendered = renderMenu(props);
  rendered.trigger.focus();
  if (keys !== '') await rendered.user.keyboard(keys);
  return rendered;
}

const menuItem = (name: string) => screen.getByRole('menuitem', { name });
const menu = () => screen.queryByRole('menu');
const highlighted = () => screen.getAllByRole('menuitem').filter((item) => item.hasAttribute('data-highlighted'));

describe('ActionMenu: the trigger', () => {
  it('is a closed menu button named from the catalogue', () => {
    const { trigger } = renderMenu();
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(trigger).toHaveAttribute('data-state', 'closed');
    const hidden = screen.getByRole('menu', { hidden: true });
    expect(trigger).toHaveAttribute('aria-controls', hidden.id);
    expect(hidden).not.toBeVisible();
    expect(menu()).toBeNull();
  });

  it('takes a label of its own', () => {
    render(
      <JobsProvider client={createMemoryJobsClient()} messages={{ 'action.moreActions': 'Plus' }}>
        <ActionMenu items={items()} />
        <ActionMenu items={items()} label="Sheet actions" triggerContent="⋮" />
      </JobsProvider>,
    );
    expect(screen.getByRole('button', { name: 'Plus' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sheet actions' })).toHaveTextContent('⋮');
  });

  it.each([
    ['{Enter}', 'Export'],
    [' ', 'Export'],
    ['{ArrowDown}', 'Export'],
    ['{ArrowUp}', 'Download'],
  ])('opens on %s and focuses %s', async (key, focused) => {
    const { trigger } = await pressOnTrigger(key);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menu', { name: 'More actions' })).toBeVisible();
    expect(menuItem(focused)).toHaveFocus();
    expect(highlighted()).toEqual([menuItem(focused)]);
  });

  it('skips disabled items when it opens', async () => {
    await pressOnTrigger('{ArrowDown}', { items: items({ export: { disabled: true } }) });
    expect(menuItem('Dedupe')).toHaveFocus();
  });

  it('opens on a click with no item highlighted, and closes on a second click', async () => {
    const { trigger, user } = renderMenu();
    await user.click(trigger);
    expect(screen.getByRole('menu')).toHaveFocus();
    expect(highlighted()).toEqual([]);
    await user.keyboard('{ArrowDown}');
    expect(menuItem('Export')).toHaveFocus();
    await user.click(trigger);
    expect(menu()).toBeNull();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('ActionMenu: moving through the menu', () => {
  it('moves with the arrows, wrapping at both ends, and visits disabled items', async () => {
    const { user } = await pressOnTrigger('{ArrowDown}{ArrowDown}');
    expect(menuItem('Delete records')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(menuItem('Download')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(menuItem('Export')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(menuItem('Download')).toHaveFocus();
    expect(highlighted()).toEqual([menuItem('Download')]);
  });

  it('goes to the first and last item with Home and End', async () => {
    const { user } = await pressOnTrigger('{ArrowDown}{End}');
    expect(menuItem('Download')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(menuItem('Export')).toHaveFocus();
  });

  it('jumps to the next item starting with a typed letter, cycling', async () => {
    const { user } = await pressOnTrigger('{ArrowDown}d');
    expect(menuItem('Delete records')).toHaveFocus();
    for (const next of ['Dedupe', 'Download', 'Delete records']) {
      await user.keyboard('D');
      expect(menuItem(next)).toHaveFocus();
    }
    await user.keyboard('z');
    expect(menuItem('Delete records')).toHaveFocus();
  });
});

describe('ActionMenu: closing', () => {
  it('closes on Escape and gives focus back to the trigger', async () => {
    const { trigger } = await pressOnTrigger('{ArrowDown}{ArrowDown}{Escape}');
    expect(menu()).toBeNull();
    expect(trigger).toHaveFocus();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on Tab, and focus moves on to what follows', async () => {
    const { user } = await pressOnTrigger();
    await user.tab();
    expect(menu()).toBeNull();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
  });

  it('closes on Shift+Tab, with focus back on the trigger', async () => {
    const { trigger, user } = await pressOnTrigger();
    await user.tab({ shift: true });
    expect(menu()).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it('closes on Tab from the trigger of an open menu', async () => {
    const { user } = await pressOnTrigger('', { defaultOpen: true });
    expect(screen.getByRole('menu')).toBeVisible();
    await user.tab();
    expect(menu()).toBeNull();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
  });

  it('closes on a click outside', async () => {
    const { trigger, user } = renderMenu();
    await user.click(trigger);
    expect(menu()).not.toBeNull();
    await user.click(screen.getByText('Outside'));
    expect(menu()).toBeNull();
  });

  it('reports changes and follows its open prop when controlled', async () => {
    const onOpenChange = vi.fn();
    const { trigger, user } = renderMenu({ open: true, onOpenChange });
    expect(screen.getByRole('menu')).toBeVisible();
    await user.click(screen.getByText('Outside'));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('menu')).toBeVisible();
    expect(trigger).toHaveAttribute('data-state', 'open');
  });
});

describe('ActionMenu: selecting', () => {
  it('closes and focuses the trigger before calling onSelect', async () => {
    const order: string[] = [];
    let focusedOnSelect: Element | null = null;
    const onSelect = () => {
      order.push('select');
      focusedOnSelect = document.activeElement;
    };
    const { trigger } = await pressOnTrigger('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}', {
      items: items({ dedupe: { onSelect } }),
      onOpenChange: (open) => order.push(open ? 'open' : 'close'),
    });
    expect(order).toEqual(['open', 'close', 'select']);
    expect(focusedOnSelect).toBe(trigger);
    expect(menu()).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it.each([['{Enter}'], [' ']])('selects with %s', async (key) => {
    const { list } = await pressOnTrigger(`{ArrowDown}${key}`);
    expect(list[0]?.onSelect).toHaveBeenCalledTimes(1);
    expect(list[3]?.onSelect).not.toHaveBeenCalled();
  });

  it('selects with a click', async () => {
    const { trigger, user, list } = renderMenu();
    await user.click(trigger);
    await user.click(menuItem('Download'));
    expect(list[3]?.onSelect).toHaveBeenCalledTimes(1);
    expect(menu()).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it('does nothing for a disabled item, which says why', async () => {
    const { user, list } = await pressOnTrigger('{ArrowDown}{ArrowDown}');
    const disabled = menuItem('Delete records');
    expect(disabled).toHaveFocus();
    expect(disabled).toHaveAttribute('aria-disabled', 'true');
    expect(disabled).toHaveAttribute('data-disabled', '');
    expect(disabled).toHaveAccessibleDescription('Select at least one record first.');
    expect(within(disabled).getByText('Select at least one record first.')).toBeVisible();
    await user.keyboard('{Enter} ');
    await user.click(disabled);
    expect(list[1]?.onSelect).not.toHaveBeenCalled();
    expect(screen.getByRole('menu')).toBeVisible();
  });

  it('shows an enabled item’s tooltip as its description, and leaves others undescribed', async () => {
    await pressOnTrigger();
    expect(menuItem('Dedupe')).toHaveAccessibleDescription('Merges duplicate rows');
    expect(menuItem('Export')).not.toHaveAttribute('aria-describedby');
    expect(menuItem('Export')).not.toHaveAttribute('aria-disabled');
    expect(menuItem('Export')).not.toHaveAttribute('data-disabled');
  });
});

describe('ActionMenu: styling contract', () => {
  it('marks every part and passes class names through', async () => {
    const { trigger, user, container } = renderMenu({
      unstyled: true,
      align: 'start',
      className: 'host',
      classNames: { root: 'r', trigger: 't', menu: 'm', item: 'i' },
      items: items({ delete: { danger: true } }),
    });
    await user.click(trigger);
    const root = container.querySelector('[data-slot="action-menu"]') as HTMLElement;
    expect(root).toHaveClass('host', 'r');
    expect(root).toHaveAttribute('data-state', 'open');
    expect(trigger).toHaveAttribute('data-slot', 'action-menu-trigger');
    expect(trigger).toHaveClass('t');
    const content = screen.getByRole('menu');
    expect(content).toHaveAttribute('data-slot', 'action-menu-content');
    expect(content).toHaveAttribute('data-align', 'start');
    expect(content).toHaveClass('m');
    for (const part of [root, trigger, content, ...screen.getAllByRole('menuitem')]) {
      expect(part).toHaveAttribute('data-unstyled', '');
    }
    expect(menuItem('Export')).toHaveAttribute('data-slot', 'action-menu-item');
    expect(menuItem('Export')).toHaveClass('i');
    expect(menuItem('Delete records')).toHaveAttribute('data-danger', '');
    // The menu is portalled out of the root.
    expect(container.querySelector('[role="menu"]')).toBeNull();
    expect(document.querySelector('[data-slot="action-menu-item-description"]')).toHaveTextContent(
      'Select at least one record first.',
    );
    expect(
      document.querySelector('[data-highlighted="false"], [data-disabled="false"], [data-danger="false"]'),
    ).toBeNull();
  });
});
