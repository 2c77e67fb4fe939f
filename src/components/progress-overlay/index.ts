export type { OverlayPart, ProgressOverlayProps } from './progress-overlay';
export { ProgressOverlay } from './progress-overlay';
export type { NoticeKind, OverlayNotice } from './use-blocking-jobs';
