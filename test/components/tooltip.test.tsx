import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobsProvider, Tooltip, TOOLTIP_CLOSE_DELAY, TOOLTIP_OPEN_DELAY } from '../../src';
import { createMemoryJobsClient } from '../../src/memory';

function renderInProvider(ui: ReactNode) {
  return render(<JobsProvider client={createMemoryJobsClient()}>{ui}</JobsProvider>);
}

// With fake timers, user-event's act wrapper waits on a timer that never fires, so these tests move the
// pointer with plain events (React derives pointer enter/leave from over/out).
const pointer = {
  enter: (element: Element) => fireEvent.pointerOver(element, { pointerType: 'mouse' }),
  leave: (element: Element) => fireEvent.pointerOut(element, { pointerType: 'mouse' }),
  move: (from: Element, to: Element) => {
    fireEvent.pointerOut(from, { pointerType: 'mouse', relatedTarget: to });
    fireEvent.pointerOver(to, { pointerType: 'mouse', relatedTarget: from });
  },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('Tooltip', () => {
  it('describes its trigger even while closed, through aria-describedby', () => {
    renderInProvider(
      <Tooltip content="Exports every sheet">
        <button type="button">Export</button>
      </Tooltip>,
    );
    const button = screen.getByRole('button', { name: 'Export' });
    expect(button).toHaveAccessibleDescription('Exports every sheet');
    const tip = screen.getByRole('tooltip', { hidden: true });
    expect(button).toHaveAttribute('aria-describedby', tip.id);
    expect(tip).not.toBeVisible();
    expect(tip).toHaveAttribute('data-state', 'closed');
  });

  it('keeps a description the trigger already had', () => {
    renderInProvider(
      <>
        <p id="own">Own words</p>
        <Tooltip content="Tip words">
          <button type="button" aria-describedby="own">
            Export
          </button>
        </Tooltip>
      </>,
    );
    expect(screen.getByRole('button')).toHaveAccessibleDescription('Own words Tip words');
  });

  it('shows at once on keyboard focus and hides on blur', async () => {
    const user = userEvent.setup();
    renderInProvider(
      <>
        <Tooltip content="Exports every sheet">
          <button type="button">Export</button>
        </Tooltip>
        <button type="button">Next</button>
      </>,
    );
    await user.tab();
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus();
    expect(screen.getByRole('tooltip')).toBeVisible();
    expect(screen.getByRole('tooltip')).toHaveAttribute('data-state', 'open');
    await user.tab();
    expect(screen.getByRole('tooltip', { hidden: true })).not.toBeVisible();
  });

  it('hides on Escape without moving focus', async () => {
    const user = userEvent.setup();
    renderInProvider(
      <Tooltip content="Exports every sheet">
        <button type="button">Export</button>
      </Tooltip>,
    );
    await user.tab();
    expect(screen.getByRole('tooltip')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('tooltip', { hidden: true })).not.toBeVisible();
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus();
  });

  it('shows after the pointer rests on the trigger, stays while it moves onto the tooltip, then hides', () => {
    vi.useFakeTimers();
    renderInProvider(
      <>
        <Tooltip content="Exports every sheet">
          <button type="button">Export</button>
        </Tooltip>
        <p>Elsewhere</p>
      </>,
    );
    const button = screen.getByRole('button', { name: 'Export' });
    pointer.enter(button);
    act(() => vi.advanceTimersByTime(TOOLTIP_OPEN_DELAY - 50));
    expect(screen.getByRole('tooltip', { hidden: true })).not.toBeVisible();
    act(() => vi.advanceTimersByTime(50));
    const tip = screen.getByRole('tooltip');
    expect(tip).toBeVisible();

    pointer.move(button, tip);
    act(() => vi.advanceTimersByTime(TOOLTIP_CLOSE_DELAY * 3));
    expect(tip).toBeVisible();

    pointer.move(tip, screen.getByText('Elsewhere'));
    act(() => vi.advanceTimersByTime(TOOLTIP_CLOSE_DELAY));
    expect(tip).not.toBeVisible();
  });

  it('hides a hover tooltip on Escape, wherever focus is', () => {
    vi.useFakeTimers();
    renderInProvider(
      <Tooltip content="Exports every sheet">
        <button type="button">Export</button>
      </Tooltip>,
    );
    pointer.enter(screen.getByRole('button'));
    act(() => vi.advanceTimersByTime(TOOLTIP_OPEN_DELAY));
    expect(screen.getByRole('tooltip')).toBeVisible();
    expect(screen.getByRole('button')).not.toHaveFocus();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.getByRole('tooltip', { hidden: true })).not.toBeVisible();
  });

  it('explains an aria-disabled button, which stays focusable', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    renderInProvider(
      <Tooltip content="Select at least one record first." tone="error">
        <button type="button" aria-disabled="true" onClick={onClick}>
          Delete
        </button>
      </Tooltip>,
    );
    await user.tab();
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(button).toHaveFocus();
    expect(button).toHaveAccessibleDescription('Select at least one record first.');
    const tip = screen.getByRole('tooltip');
    expect(tip).toBeVisible();
    expect(tip).toHaveAttribute('data-tone', 'error');
  });

  it('shows no tooltip without content, and keeps the trigger (and its focus) when a reason appears', async () => {
    const user = userEvent.setup();
    function Toggle() {
      const [reason, setReason] = useState<string | undefined>(undefined);
      return (
        <Tooltip content={reason}>
          <button type="button" onClick={() => setReason('This action is already running.')}>
            Run
          </button>
        </Tooltip>
      );
    }
    renderInProvider(<Toggle />);
    const button = screen.getByRole('button', { name: 'Run' });
    expect(screen.queryByRole('tooltip', { hidden: true })).toBeNull();
    expect(button).not.toHaveAttribute('aria-describedby');
    await user.click(button);
    expect(screen.getByRole('button', { name: 'Run' })).toBe(button);
    expect(button).toHaveFocus();
    expect(button).toHaveAccessibleDescription('This action is already running.');
  });

  it('can be controlled', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    renderInProvider(
      <Tooltip content="Always here" open onOpenChange={onOpenChange}>
        <button type="button">Export</button>
      </Tooltip>,
    );
    expect(screen.getByRole('tooltip')).toBeVisible();
    await user.tab();
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('tooltip')).toBeVisible();
  });

  it('leaves no timer behind when it unmounts mid-delay', () => {
    vi.useFakeTimers();
    function Host() {
      const [shown, setShown] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setShown(false)}>
            Remove
          </button>
          {shown ? (
            <Tooltip content="Exports every sheet">
              <button type="button">Export</button>
            </Tooltip>
          ) : null}
        </>
      );
    }
    renderInProvider(<Host />);
    const baseline = vi.getTimerCount();
    pointer.enter(screen.getByRole('button', { name: 'Export' }));
    expect(vi.getTimerCount()).toBe(baseline + 1);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
    expect(vi.getTimerCount()).toBe(baseline);
  });

  it('marks its parts for styling', () => {
    renderInProvider(
      <Tooltip content="Tip" side="bottom" unstyled className="host" classNames={{ content: 'tip' }}>
        <button type="button">Export</button>
      </Tooltip>,
    );
    const tip = screen.getByRole('tooltip', { hidden: true });
    const root = screen.getByRole('button').parentElement as HTMLElement;
    expect(root).toHaveAttribute('data-slot', 'tooltip');
    // Portalled, so no overflow: hidden around the trigger clips it.
    expect(root).not.toContainElement(tip);
    expect(root).toHaveClass('host');
    expect(root).toHaveAttribute('data-unstyled', '');
    expect(tip).toHaveAttribute('data-slot', 'tooltip-content');
    expect(tip).toHaveAttribute('data-side', 'bottom');
    expect(tip).toHaveAttribute('data-tone', 'info');
    expect(tip).toHaveClass('tip');
  });
});
