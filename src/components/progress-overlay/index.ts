export type { OverlayPart, ProgressOverlayProps } from './progress-overlay';
export { ProgressOverlay } from './progress-overlay';
export type { OverlayNotice, ReleaseReason } from './use-blocking-jobs';
