export { cx, flag } from './cx';
export { type PartProps, partGetter } from './parts';
export { useControllableState } from './use-controllable-state';
export { type DialogAnchor, type Direction, useDialogAnchor } from './use-dialog-anchor';
export { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
