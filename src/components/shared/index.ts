export { cx, flag } from './cx';
export { useControllableState } from './use-controllable-state';
