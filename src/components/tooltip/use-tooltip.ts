import { type FocusEvent, type PointerEvent, useCallback, useEffect, useId, useRef } from 'react';
import { useControllableState } from '../shared';

/** How long the pointer rests on the trigger before the tooltip shows, and lingers after it leaves (ms). */
export const TOOLTIP_OPEN_DELAY = 300;
export const TOOLTIP_CLOSE_DELAY = 100;

export interface UseTooltipOptions {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  /** False while there is nothing to show: the hook then never opens. */
  enabled?: boolean;
}

export interface UseTooltipResult {
  open: boolean;
  /** The id of the `role="tooltip"` element, for the trigger's `aria-describedby`. */
  contentId: string;
  /** Spread on the element that wraps both the trigger and the content (so hovering the content keeps it open). */
  rootProps: {
    onPointerEnter(event: PointerEvent): void;
    onPointerLeave(event: PointerEvent): void;
    onFocus(event: FocusEvent): void;
    onBlur(event: FocusEvent): void;
  };
}

/** Whether focus arrived the way `:focus-visible` means it (keyboard, not a mouse click). */
function focusIsVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}

/**
 * The behaviour of a tooltip, without its markup: opens after a short rest of the pointer, at once on
 * keyboard focus; closes on blur, on pointer leave (after a short grace period, so the pointer can move
 * onto the tooltip) and on Escape anywhere, without moving focus. Leaves no timer behind on unmount.
 */
export function useTooltip({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  enabled = true,
}: UseTooltipOptions): UseTooltipResult {
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange, 'Tooltip open');
  const contentId = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hovered = useRef(false);
  const focused = useRef(false);

  const clear = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  const later = useCallback(
    (next: boolean, delay: number) => {
      clear();
      timer.current = setTimeout(() => {
        timer.current = undefined;
        setOpen(next);
      }, delay);
    },
    [clear, setOpen],
  );

  // No timer outlives the tooltip.
  useEffect(() => clear, [clear]);

  // Escape dismisses the tooltip wherever focus is (WCAG 1.4.13), and moves nothing.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      clear();
      setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, clear, setOpen]);

  const rootProps: UseTooltipResult['rootProps'] = {
    onPointerEnter(event) {
      if (!enabled || event.pointerType === 'touch') return;
      hovered.current = true;
      if (open) clear();
      else later(true, TOOLTIP_OPEN_DELAY);
    },
    onPointerLeave(event) {
      if (event.pointerType === 'touch') return;
      hovered.current = false;
      if (focused.current) clear();
      else if (open) later(false, TOOLTIP_CLOSE_DELAY);
      else clear();
    },
    onFocus(event) {
      if (!enabled || !focusIsVisible(event.target)) return;
      focused.current = true;
      clear();
      setOpen(true);
    },
    onBlur(event) {
      const to = event.relatedTarget;
      if (to instanceof Node && event.currentTarget.contains(to)) return;
      focused.current = false;
      if (hovered.current) return;
      clear();
      setOpen(false);
    },
  };

  return { open: enabled && open, contentId, rootProps };
}
