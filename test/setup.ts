// Shared by the `unit` (jsdom) and `browser` (Chromium) projects.
// Globals are off, so Testing Library cannot register its own cleanup: do it here.
import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

/*
 * jsdom has `<dialog>` but none of its methods. This stand-in does what the spec's steps do that a test in
 * jsdom can observe: `showModal()` and `show()` set `open` (and throw on a dialog already open or not in the
 * document), `close()` clears it and fires `close` in a later task, and Escape that nothing prevented fires
 * a cancelable `cancel` at the open dialog, closing it unless that is prevented. It has no top layer, no
 * inertness and no focus move: what depends on those is tested in the `browser` project (real Chromium).
 */
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  const modals: HTMLDialogElement[] = [];
  const open = (dialog: HTMLDialogElement, modal: boolean) => {
    if (dialog.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
    if (modal && !dialog.isConnected) throw new DOMException('The dialog is not connected.', 'InvalidStateError');
    dialog.setAttribute('open', '');
    if (modal) modals.push(dialog);
  };
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      open(this, true);
    },
    show(this: HTMLDialogElement) {
      open(this, false);
    },
    close(this: HTMLDialogElement, returnValue?: string) {
      if (!this.open) return;
      this.removeAttribute('open');
      if (returnValue !== undefined) this.returnValue = returnValue;
      const index = modals.indexOf(this);
      if (index >= 0) modals.splice(index, 1);
      setTimeout(() => this.dispatchEvent(new Event('close')), 0);
    },
  });
  // The platform's close request: Escape's default action, on the topmost modal still in the document.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const top = modals.filter((dialog) => dialog.isConnected).at(-1);
    if (top === undefined) return;
    if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
  });
}
