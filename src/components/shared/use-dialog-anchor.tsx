import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

export type Direction = 'ltr' | 'rtl';

/** The direction where `element` sits in the page. */
function directionAt(element: Element | null): Direction | undefined {
  const dir = element?.closest('[dir]')?.getAttribute('dir')?.toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined;
}

export interface DialogAnchor {
  /** Render where the dialog is declared: it tells which direction the host's page runs there. */
  anchor: ReactNode;
  /** The host's direction, for the portalled content (a portal leaves the host's `dir` behind). */
  dir: Direction | undefined;
  /** Remembers what had focus when the dialog opened. */
  rememberFocus(): void;
  /**
   * Gives focus back to it on close, when it is still in the page. The platform's own return is not enough:
   * the dialog leaves the page as it closes, and an opener that went away meanwhile leaves focus nowhere.
   */
  restoreFocus(): void;
}

/** What a portalled dialog of the kit carries over from where it was opened: direction and focus. */
export function useDialogAnchor(open: boolean, slot: string): DialogAnchor {
  const ref = useRef<HTMLSpanElement>(null);
  const opener = useRef<Element | null>(null);
  const [dir, setDir] = useState<Direction | undefined>(undefined);
  useIsomorphicLayoutEffect(() => {
    if (open) setDir(directionAt(ref.current));
  }, [open]);
  const rememberFocus = useCallback(() => {
    opener.current = document.activeElement;
  }, []);
  const restoreFocus = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  }, []);
  return {
    anchor: <span ref={ref} hidden data-jk="" data-slot={`${slot}-anchor`} />,
    dir,
    rememberFocus,
    restoreFocus,
  };
}
