// The store: the kit's data layer, framework-free (no React). `src/react` is its only importer.
export type { WriteCause } from './derive';
export type { HiddenTabHost } from './hidden-tab';
export { HiddenTab, requestNotificationPermission } from './hidden-tab';
export type { JobEnd, JobEndListener } from './job-ends';
export { endsOf } from './job-ends';
export type { JobsListData, JobsLookup, ListedJobs } from './listed';
export { lookupAll } from './listed';
export type { JobsPanelItem, Searched } from './panel-search';
export { jobMatcher, narrows, searchRows, searchRowsInSlices, searchTerms } from './panel-search';
export type { JobFacts } from './ongoing';
export { shareEqual } from './share';
export { JobsStore } from './store';
export type { JobsKeys } from './keys';
export { keysOf } from './keys';
