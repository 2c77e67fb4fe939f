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
import { type Side, useAnchored, useControllableState, useIsomorphicLayoutEffect } from '../shared';
import {
  firstEnabledIndex,
  isPrintableKey,
  lastEnabledIndex,
  type NavigableItem,
  stepIndex,
  typeaheadIndex,
} from './navigation';

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
  /** Which edge of the trigger the menu lines up with, in the writing direction. Default `end`. */
  align?: 'start' | 'end';
}

type FocusTarget = 'first' | 'last' | 'menu';

/** The distance (px) between the trigger and the menu. */
const MENU_GAP = 4;

/**
 * The WAI-ARIA menu button pattern without markup: a trigger that opens a menu of items with roving focus
 * (arrows wrap, Home/End, type-ahead), Escape and selection return focus to the trigger, Tab and an outside
 * click close it. Selecting closes the menu and focuses the trigger before calling `onSelect`, so a dialog
 * that `onSelect` opens takes focus from the trigger and gives it back there.
 */
export function useActionMenu({
  items,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  locale,
  align = 'end',
}: UseActionMenuOptions) {
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange, 'ActionMenu open');
  // Below the trigger, or above it when there is no room below; shifted and height-limited to stay on screen.
  const anchored = useAnchored({ open, placement: `bottom-${align}`, gap: MENU_GAP });
  const { setReference, setFloating } = anchored;
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
  const setTrigger = useCallback(
    (element: HTMLButtonElement | null) => {
      triggerRef.current = element;
      setReference(element);
    },
    [setReference],
  );
  const setMenu = useCallback(
    (element: HTMLElement | null) => {
      menuRef.current = element;
      setFloating(element);
    },
    [setFloating],
  );
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

  // Once shown, move focus where the opening asked for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the menu opens, reading refs
  useIsomorphicLayoutEffect(() => {
    if (!open || menuRef.current === null) return;
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
      // The menu is portalled: it is not inside the root.
      const inside = target !== null && (root?.contains(target) === true || menuRef.current?.contains(target) === true);
      if (root !== null && target !== null && !inside) setOpen(false);
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
    style: anchored.style,
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
      } else if (event.key === 'Tab') {
        // The menu is portalled to the end of the page, so Tab would leave from there. It leaves from the
        // trigger instead: Shift+Tab lands on the trigger, Tab moves on to what follows it (the browser's
        // own move, from the trigger focused here).
        if (event.shiftKey) event.preventDefault();
        close(true);
        return;
      } else if (isPrintableKey(event)) {
        next = typeaheadIndex(latestItems.current, current, event.key, locale);
      }
      if (next === -2) return; // Other keys do nothing here; a blur (a click elsewhere) closes the menu.
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
    /** The side of the trigger the menu is on (`bottom`, or `top` when there was no room below). */
    side: anchored.side as Side,
    /** The trigger's writing direction, for the menu once portalled out of the page's `dir`. */
    dir: anchored.dir,
    highlightedId,
    rootRef: setRoot,
    triggerProps,
    menuProps,
    getItemProps,
  };
}

export type UseActionMenuResult = ReturnType<typeof useActionMenu>;
