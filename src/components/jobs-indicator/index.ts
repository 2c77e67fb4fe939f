export type { JobsIndicatorClassNames, JobsIndicatorPart, JobsIndicatorProps } from './jobs-indicator';
export { JobsIndicator } from './jobs-indicator';
