export { flag } from './flag';
export { type PartProps, partGetter } from './parts';
export { useControllableState } from './use-controllable-state';
export { type DialogAnchor, type Direction, useDialogAnchor } from './use-dialog-anchor';
