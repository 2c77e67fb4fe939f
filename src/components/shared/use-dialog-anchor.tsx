import { type ReactNode, useRef, useState } from 'react';
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
  onOpenAutoFocus(): void;
  /** Gives focus back to it on close (the dialogs have no Radix Trigger to return to). */
  onCloseAutoFocus(event: Event): void;
}

/** What a portalled dialog of the kit carries over from where it was opened: direction and focus. */
export function useDialogAnchor(open: boolean, slot: string): DialogAnchor {
  const ref = useRef<HTMLSpanElement>(null);
  const opener = useRef<Element | null>(null);
  const [dir, setDir] = useState<Direction | undefined>(undefined);
  useIsomorphicLayoutEffect(() => {
    if (open) setDir(directionAt(ref.current));
  }, [open]);
  return {
    anchor: <span ref={ref} hidden data-jk="" data-slot={`${slot}-anchor`} />,
    dir,
    onOpenAutoFocus: () => {
      opener.current = document.activeElement;
    },
    onCloseAutoFocus: (event) => {
      event.preventDefault();
      const target = opener.current;
      opener.current = null;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    },
  };
}
