import { autoUpdate, flip, offset, type Placement, shift, size, useFloating } from '@floating-ui/react-dom';
import { type CSSProperties, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
import { createPortal } from 'react-dom';
import { JobsConfigContext } from '../../react/context';
import { useModal } from './modal';
import type { Direction } from './use-dialog-anchor';

export type { Placement };
export type Side = 'top' | 'bottom' | 'left' | 'right';

/** How close (px) a floating part may come to the edges of the viewport. */
export const VIEWPORT_MARGIN = 8;

export interface UseAnchoredOptions {
  open: boolean;
  /** Where it goes when there is room: `bottom-end`, `top`... `start`/`end` follow the writing direction. */
  placement: Placement;
  /** The distance (px) between the trigger and the floating part. */
  gap: number;
  /** When it fits on neither side of the placement, it may also try the two sides across. */
  crossSides?: boolean;
}

export interface Anchored {
  /** For the trigger (or the element the part is placed against). */
  setReference(element: Element | null): void;
  /** For the floating part. */
  setFloating(element: HTMLElement | null): void;
  /**
   * Its position (inline `position`, `top`, `left`). Not hidden until measured: the measure lands before the
   * browser paints, and a hidden part could not take focus as it opens.
   */
  style: CSSProperties;
  /** The side of the trigger it ended up on (after flipping). */
  side: Side;
  /** The trigger's writing direction, for the portalled part (a portal leaves the host's `dir` behind). */
  dir: Direction | undefined;
}

/**
 * Places a floating part (tooltip, menu, popover) next to its trigger with Floating UI: it flips to the
 * other side and slides along the edge so it stays `VIEWPORT_MARGIN` inside the viewport, and sets
 * `--jk-available-width` / `--jk-available-height` (the room it has) so a long menu can scroll instead of
 * overflowing. While open it follows the trigger on scroll and resize; nothing keeps watching once it
 * closes or unmounts.
 */
export function useAnchored({ open, placement, gap, crossSides = false }: UseAnchoredOptions): Anchored {
  // Inside a modal the part mounts in the `<dialog>`, whose scrolling box must not clip it: placed against the
  // viewport instead.
  const inModal = useModal() !== null;
  const {
    refs,
    floatingStyles,
    placement: placed,
    update,
    elements,
  } = useFloating({
    open,
    placement,
    strategy: inModal ? 'fixed' : 'absolute',
    // `top`/`left`, not `transform`: the parts animate their own transform as they appear.
    transform: false,
    middleware: [
      offset(gap),
      // Overflow across (a centred tooltip near the left edge) is for `shift` to fix, not a reason to flip.
      flip({
        padding: VIEWPORT_MARGIN,
        crossAxis: 'alignment',
        ...(crossSides ? { fallbackAxisSideDirection: 'end' as const } : {}),
      }),
      shift({ padding: VIEWPORT_MARGIN }),
      size({
        padding: VIEWPORT_MARGIN,
        apply({ availableWidth, availableHeight, elements: { floating } }) {
          floating.style.setProperty('--jk-available-width', `${Math.max(0, Math.floor(availableWidth))}px`);
          floating.style.setProperty('--jk-available-height', `${Math.max(0, Math.floor(availableHeight))}px`);
        },
      }),
    ],
  });
  const { reference, floating } = elements;
  // Read as the trigger mounts (so the first measure already knows it) and again as the part opens.
  const [dir, setDir] = useState<Direction | undefined>(undefined);
  const { setReference: setFloatingReference } = refs;
  const setReference = useCallback(
    (element: Element | null) => {
      setFloatingReference(element);
      if (element !== null) setDir(directionOf(element));
    },
    [setFloatingReference],
  );
  useIsomorphicLayoutEffect(() => {
    if (open && reference instanceof Element) setDir(directionOf(reference));
  }, [open, reference]);
  // Measured again once the portal has the trigger's direction (`start`/`end` depend on it), then on every
  // scroll, resize and layout shift until it closes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `dir` is read by `update` through the middleware, not here: a new direction must place it again
  useIsomorphicLayoutEffect(() => {
    if (!open || reference === null || floating === null) return;
    return autoUpdate(reference, floating, update);
  }, [open, reference, floating, update, dir]);

  return {
    setReference,
    setFloating: refs.setFloating,
    style: floatingStyles,
    side: placed.split('-')[0] as Side,
    dir,
  };
}

/** The writing direction at `element`, as the page lays it out (a `dir` attribute or CSS `direction`). */
export function directionOf(element: Element): Direction {
  const view = element.ownerDocument.defaultView;
  return view?.getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
}

export interface FloatingPortalProps {
  /** Where to mount; the document's body by default. */
  container?: Element | DocumentFragment | null | undefined;
  /** The trigger's direction (see `useAnchored`). */
  dir: Direction | undefined;
  children: ReactNode;
}

/**
 * Mounts a floating part at the end of `container` (the body by default), so no `overflow: hidden`
 * ancestor of its trigger clips it, wrapped in the provider's root attributes so its tokens and color
 * scheme still apply. Inside an open modal it mounts in the modal's `<dialog>` instead (unless `container`
 * is in it already): elsewhere it would sit under the top layer, inert. Nothing is rendered on the server
 * or in the first client render (hydration-safe).
 */
export function FloatingPortal({ container, dir, children }: FloatingPortalProps): ReactNode {
  const config = useContext(JobsConfigContext);
  const modal = useModal();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  const root = config?.rootProps ?? { 'data-jk-root': '' as const };
  return createPortal(
    <div {...root} dir={dir}>
      {children}
    </div>,
    modal !== null && !(container != null && modal.contains(container)) ? modal : (container ?? document.body),
  );
}
