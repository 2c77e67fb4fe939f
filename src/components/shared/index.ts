export { flag } from './flag';
export { type PartProps, partGetter } from './parts';
export { type StateUpdate, useControllableState } from './use-controllable-state';
export { type DialogAnchor, type Direction, useDialogAnchor } from './use-dialog-anchor';
export { type DismissReason, Modal, ModalContext, type ModalProps, useModal } from './modal';
export {
  type Anchored,
  directionOf,
  FloatingPortal,
  type FloatingPortalProps,
  type Side,
  useAnchored,
  VIEWPORT_MARGIN,
} from './floating';
export {
  chainHandlers,
  mergeClassNames,
  type OwnKeys,
  restOf,
  type PartClassNames,
  type PortalContainer,
  type RootAttributes,
  type Styling,
  type StylingProps,
  useStyling,
  withState,
} from './contract';
export { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect';
export { tabStops } from './tab-stops';
export { TEXT_PACE_MS, usePacedText } from './use-paced-text';
