export type {
  DownloadHandler,
  DownloadTarget,
  FileUrlResolver,
  JobkitDefaults,
  JobkitRootProps,
  JobLabelGetter,
  NavigateHandler,
  NavigateTarget,
  OutcomeHandlers,
  Translate,
} from './context';
export type { JobsListData, JobsLookup, ListedJobs } from '../store';
export type { JobsProviderProps } from './provider';
export { JobsProvider } from './provider';
export type { JobQueryKey, JobQueryOptions, JobsListQueryKey, JobsListQueryOptions } from './query-options';
export { jobQueryOptions, jobsListQueryOptions, jobsQueryKeys } from './query-options';
export { useAcknowledgeOutcome } from './use-acknowledge-outcome';
export { useCancelJob } from './use-cancel-job';
export { useCreateJob } from './use-create-job';
export { useJob } from './use-job';
export type { JobProgress, JobProgressOptions } from './use-job-progress';
export { useJobProgress } from './use-job-progress';
export type { JobEventFilter } from './use-job-events';
export { useJobEvents } from './use-job-events';
export type { UseJobsResult } from './use-jobs';
export { useJobs } from './use-jobs';
export { useJobsClient } from './use-jobs-client';
export { useJobsMessages } from './use-jobs-messages';
export { useRetryJob } from './use-retry-job';
export type { ActionStateResult, ActionTarget } from './use-action-state';
export { describeActionState, useActionState } from './use-action-state';
export type { RunActionResult, RunActionTarget } from './use-run-action';
export { useRunAction } from './use-run-action';
export type { ActiveSourceJob } from './use-source-jobs';
export { useActiveSourceJobs } from './use-source-jobs';
export type { JobEnd } from './use-job-ends';
export { useJobEnds } from './use-job-ends';
export type { Announcer, Milestone, Politeness } from './announcer';
export { crossedQuarter } from './announcer';
export type { OutcomeView } from './use-outcome';
export { useOutcome } from './use-outcome';
export type { OutcomeQueue, OutcomeQueueOptions } from './use-outcome-queue';
export { useOutcomeQueue } from './use-outcome-queue';
export type {
  JobsPanelCounts,
  JobsPanelFilter,
  JobsPanelOperation,
  JobsPanelItem,
  JobsPanelState,
  JobsStatusGroup,
} from './use-jobs-panel';
export { JOBS_STATUS_GROUPS, useActiveJobsCount, useJobsPanel } from './use-jobs-panel';
export type { JobsPagesResult } from './use-jobs-pages';
export { useJobsPages } from './use-jobs-pages';
export type { JobNotificationsOptions, JobNotificationsProp } from './context';
export { requestNotificationPermission } from '../store';
