import {
  createContext,
  type DialogHTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { chainHandlers, type PortalContainer } from './contract';
import { tabStops } from './tab-stops';
import { useDialogAnchor } from './use-dialog-anchor';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';

/**
 * The open modal `<dialog>` around a part, or null. A floating part (tooltip, menu) opened inside a modal
 * mounts in it: anything outside the top layer sits under the modal and is inert.
 */
export const ModalContext = createContext<HTMLDialogElement | null>(null);

/** The open modal around the caller, if any. */
export function useModal(): HTMLDialogElement | null {
  return useContext(ModalContext);
}

/** Why a modal asks to close: a close request (Escape, a platform back gesture) or a click outside it. */
export type DismissReason = 'escape' | 'outside';

export interface ModalProps extends Omit<DialogHTMLAttributes<HTMLDialogElement>, 'open' | 'children'> {
  open: boolean;
  container: PortalContainer | undefined;
  /** The slot prefix of the anchor left where the modal is declared (`confirm-dialog` gives `confirm-dialog-anchor`). */
  anchorSlot: string;
  /** Provider attributes (tokens, color scheme) for the element that holds the overlay and the dialog. */
  rootProps: object;
  /** Drawn under the dialog (outside the top layer, so under its transparent `::backdrop`): the dimmed page. */
  overlay: ReactNode;
  /** Places focus as the modal opens and answers true; otherwise the first stop of the dialog gets it. */
  initialFocus?(): boolean;
  /** Asked to close; the modal stays open until `open` turns false. */
  onDismiss(reason: DismissReason): void;
  children: ReactNode;
}

/**
 * A modal on the platform's `<dialog>` and `showModal()`: the dialog sits in the top layer, the rest of the
 * page is inert, and the stylesheet locks the page's scroll while it is open. What the platform leaves to
 * us: focus starts where the caller says and returns to what had it (when that is still there), Tab and
 * Shift+Tab wrap round inside the dialog, Escape and a click outside are requests the caller may refuse,
 * and the dialog follows `open` (it renders nothing while closed, and nothing on the server).
 */
export function Modal(props: ModalProps): ReactNode {
  const { open, container, anchorSlot, rootProps, overlay, initialFocus, onDismiss, children, ...dialogProps } = props;
  const { anchor, dir, rememberFocus, restoreFocus } = useDialogAnchor(open, anchorSlot);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const [dialog, setDialog] = useState<HTMLDialogElement | null>(null);
  const latest = useRef({ initialFocus, onDismiss });
  latest.current = { initialFocus, onDismiss };
  const pressedOutside = useRef(false);

  useIsomorphicLayoutEffect(() => {
    if (!open || dialog === null) return;
    rememberFocus();
    if (!dialog.open) dialog.showModal();
    if (latest.current.initialFocus?.() !== true) tabStops(dialog)[0]?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      latest.current.onDismiss('escape');
    };
    // A close request the page may not refuse (a second Escape without a user gesture between) closes the
    // dialog behind the caller's back: show it again and pass the request on.
    const onClose = () => {
      if (!dialog.isConnected) return;
      dialog.showModal();
      latest.current.onDismiss('escape');
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
      restoreFocus();
    };
  }, [open, dialog, rememberFocus, restoreFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const self = event.currentTarget;
    // Keys from a nested modal reach this one through React's tree: they are not this one's.
    if (event.defaultPrevented || !self.contains(event.target as Node)) return;
    if (event.key === 'Escape') {
      // Handled here rather than by the platform, so a refused request is refused every time.
      event.preventDefault();
      latest.current.onDismiss('escape');
    } else if (event.key === 'Tab') {
      const stops = tabStops(self);
      const edge = event.shiftKey ? stops[0] : stops[stops.length - 1];
      const wrapTo = event.shiftKey ? stops[stops.length - 1] : stops[0];
      const focused = document.activeElement;
      if (wrapTo === undefined || focused === self || (edge !== undefined && edge === focused)) {
        event.preventDefault();
        wrapTo?.focus();
      }
    }
  };
  // A click outside lands on the dialog's `::backdrop`, whose events go to the dialog itself.
  const outside = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target !== event.currentTarget) return false;
    const box = event.currentTarget.getBoundingClientRect();
    const { clientX: x, clientY: y } = event;
    return x < box.left || x > box.right || y < box.top || y > box.bottom;
  };
  const own = {
    onKeyDown,
    onPointerDown: (event: MouseEvent<HTMLDialogElement>) => {
      pressedOutside.current = outside(event);
    },
    onClick: (event: MouseEvent<HTMLDialogElement>) => {
      const wasOutside = pressedOutside.current;
      pressedOutside.current = false;
      if (wasOutside && outside(event)) latest.current.onDismiss('outside');
    },
  };

  const setRef = useCallback((element: HTMLDialogElement | null) => setDialog(element), []);
  return (
    <>
      {anchor}
      {open && mounted
        ? createPortal(
            <div {...rootProps} dir={dir}>
              {overlay}
              <dialog {...dialogProps} {...chainHandlers(dialogProps, own)} ref={setRef}>
                <ModalContext.Provider value={dialog}>{children}</ModalContext.Provider>
              </dialog>
            </div>,
            container ?? document.body,
          )
        : null}
    </>
  );
}
