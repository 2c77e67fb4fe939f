export type { OverlayPart, ProgressOverlayClassNames, ProgressOverlayProps } from './progress-overlay';
export { ProgressOverlay } from './progress-overlay';
export type { NoticeKind, OverlayNotice } from './use-blocking-jobs';
