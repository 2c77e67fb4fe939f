export type { ProgressBarClassNames, ProgressBarPart, ProgressBarProps } from './progress-bar';
export { ProgressBar } from './progress-bar';
