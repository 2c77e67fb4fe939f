export type { JobsIndicatorPart, JobsIndicatorProps } from './jobs-indicator';
export { JobsIndicator } from './jobs-indicator';
