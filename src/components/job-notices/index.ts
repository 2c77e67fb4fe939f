export type { JobNoticesClassNames, JobNoticesPart, JobNoticesProps } from './job-notices';
export { JobNotices } from './job-notices';
export type { JobNotice, JobNoticesState } from './use-job-notices';
export { useJobNotices } from './use-job-notices';
