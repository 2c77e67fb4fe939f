import {
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useControllableState, useIsomorphicLayoutEffect } from '../shared';
import { applyShift, viewportShift } from '../tooltip/viewport-shift';
import { firstEnabledIndex, isPrintableKey, lastEnabledIndex, type NavigableItem, stepIndex, typeaheadIndex } from './navigation';

export interface UseActionMenuItem extends NavigableItem {
  id: string;
  onSelect(): void;
}

export interface UseActionMenuOptions {
  items: readonly UseActionMenuItem[];
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  /** For type-ahead: labels are compared without case in this locale. */
  locale?: string;
}

type FocusTarget = 'first' | 'last' | 'menu';

/**
 * The WAI-ARIA menu button pattern without markup: a trigger that opens a menu of items with roving focus
 * (arrows wrap, Home/End, type-ahead), Escape and selection return focus to the trigger, Tab and an outside
 * click close it. Selecting closes the menu and focuses the trigger before calling `onSelect`, so a dialog
 * that `onSelect` opens takes focus from the trigger and gives it back there.
 */
export function useActionMenu({ items, open: openProp, defaultOpen = false, onOpenChange, locale }: UseActionMenuOptions) {
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const baseId = useId();
  const triggerId = `${baseId}trigger`;
  const menuId = `${baseId}menu`;
  const rootRef = useRef<HTMLElement | null>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const menuRef = useRef<HTMLElement | null>(null);
  // Callback refs, so any element type takes them.
  const setRoot = useCallback((element: HTMLElement | null) => {
    rootRef.current = element;
  }, []);
  const setTrigger = useCallback((element: HTMLButtonElement | null) => {
    triggerRef.current = element;
  }, []);
  const setMenu = useCallback((element: HTMLElement | null) => {
    menuRef.current = element;
  }, []);
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const keyboardClick = useRef(false);
  const pressOnTrigger = useRef(false);
  const returningFocus = useRef(false);
  const [highlightedId, setHighlightedId] = useState<string | undefined>(undefined);
  const latestItems = useRef(items);
  latestItems.current = items;

  const focusItem = (index: number) => itemRefs.current[index]?.focus();
  const focusTarget = (target: FocusTarget) => {
    const list = latestItems.current;
    const index = target === 'first' ? firstEnabledIndex(list) : target === 'last' ? lastEnabledIndex(list) : -1;
    if (index >= 0) focusItem(index);
    else menuRef.current?.focus();
  };
  const openTo = (target: FocusTarget) => {
    if (open) focusTarget(target);
    else {
      pendingFocus.current = target;
      setOpen(true);
    }
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (!returnFocus) return;
    // The blur this focus causes must not report the closing a second time.
    returningFocus.current = true;
    triggerRef.current?.focus();
    returningFocus.current = false;
  };
  const select = (index: number) => {
    const item = latestItems.current[index];
    if (item === undefined || item.disabled) return;
    close(true);
    item.onSelect();
  };

  // Once shown: keep the menu inside the viewport, then move focus where the opening asked for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the menu opens, reading refs
  useIsomorphicLayoutEffect(() => {
    const menu = menuRef.current;
    if (!open || menu === null) return;
    applyShift(menu, '--jk-menu-shift', 0);
    const rect = menu.getBoundingClientRect();
    applyShift(menu, '--jk-menu-shift', viewportShift(rect.left, rect.right, menu.ownerDocument.documentElement.clientWidth));
    pressOnTrigger.current = false;
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target !== null) focusTarget(target);
  }, [open]);

  // A press anywhere outside closes the menu (focus goes where the press put it); a press on the trigger
  // is noted, so that the blur it causes leaves the closing to its click.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: globalThis.PointerEvent) => {
      const root = rootRef.current;
      const target = event.target instanceof Node ? event.target : null;
      pressOnTrigger.current = target !== null && triggerRef.current?.contains(target) === true;
      if (root !== null && target !== null && !root.contains(target)) setOpen(false);
    };
    const doc = rootRef.current?.ownerDocument ?? document;
    doc.addEventListener('pointerdown', onPointerDown, true);
    return () => doc.removeEventListener('pointerdown', onPointerDown, true);
  }, [open, setOpen]);

  const triggerProps = {
    ref: setTrigger,
    id: triggerId,
    type: 'button' as const,
    'aria-haspopup': 'menu' as const,
    'aria-expanded': open,
    'aria-controls': menuId,
    onPointerDown() {
      keyboardClick.current = false;
    },
    onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Enter' || event.key === ' ') keyboardClick.current = true;
      else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        openTo(event.key === 'ArrowDown' ? 'first' : 'last');
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        event.stopPropagation();
        close(false);
      } else if (event.key === 'Tab' && open) {
        close(false); // focus moves on as usual
      }
    },
    onClick(event: { detail: number }) {
      const byKeyboard = keyboardClick.current || event.detail === 0;
      keyboardClick.current = false;
      pressOnTrigger.current = false;
      if (open) close(false);
      else openTo(byKeyboard ? 'first' : 'menu');
    },
  };

  const menuProps = {
    ref: setMenu,
    id: menuId,
    role: 'menu' as const,
    'aria-labelledby': triggerId,
    tabIndex: -1,
    hidden: !open,
    onKeyDown(event: KeyboardEvent) {
      pressOnTrigger.current = false;
      const count = latestItems.current.length;
      const current = itemRefs.current.indexOf(event.target as HTMLElement);
      let next = -2;
      if (event.key === 'ArrowDown') next = stepIndex(count, current, 1);
      else if (event.key === 'ArrowUp') next = stepIndex(count, current, -1);
      else if (event.key === 'Home') next = count > 0 ? 0 : -1;
      else if (event.key === 'End') next = count - 1;
      else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        if (current >= 0) select(current);
        return;
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close(true);
        return;
      } else if (isPrintableKey(event)) {
        next = typeaheadIndex(latestItems.current, current, event.key, locale);
      }
      if (next === -2) return; // Tab and other keys: focus moves on, and the blur below closes the menu.
      event.preventDefault();
      if (next >= 0) focusItem(next);
    },
    // Focus leaving the menu (Tab, Shift+Tab, a click elsewhere) closes it, except for a press on the
    // trigger, whose click toggles it.
    onBlur(event: FocusEvent) {
      const to = event.relatedTarget;
      if (!open || pressOnTrigger.current || returningFocus.current) return;
      if (to instanceof Node && menuRef.current?.contains(to)) return;
      setOpen(false);
    },
  };

  const getItemProps = (item: UseActionMenuItem, index: number) => ({
    ref(element: HTMLElement | null) {
      itemRefs.current[index] = element;
    },
    id: `${baseId}item-${index}`,
    role: 'menuitem' as const,
    tabIndex: -1,
    'aria-disabled': item.disabled ? (true as const) : undefined,
    onClick() {
      select(index);
    },
    onFocus() {
      setHighlightedId(item.id);
    },
    onBlur() {
      setHighlightedId((current) => (current === item.id ? undefined : current));
    },
    // The pointer moves focus like the arrows do, so one item is highlighted at a time.
    onPointerMove(event: PointerEvent<HTMLElement>) {
      if (event.pointerType !== 'touch' && event.currentTarget !== event.currentTarget.ownerDocument.activeElement) {
        event.currentTarget.focus();
      }
    },
    onPointerLeave(event: PointerEvent<HTMLElement>) {
      if (event.pointerType !== 'touch' && event.currentTarget === event.currentTarget.ownerDocument.activeElement) {
        menuRef.current?.focus();
      }
    },
  });

  return {
    open,
    setOpen,
    highlightedId,
    rootRef: setRoot,
    triggerProps,
    menuProps,
    getItemProps,
  };
}

export type UseActionMenuResult = ReturnType<typeof useActionMenu>;
