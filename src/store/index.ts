// The store: the kit's data layer, framework-free (no React). `src/react` is its only importer.
export type { WriteCause } from './derive';
export type { JobEnd, JobEndListener } from './job-ends';
export type { JobsKeys } from './keys';
export { jobsKeys } from './keys';
export type { JobMetaKey, JobsListData, JobsLookup, ListedJobs } from './listed';
export { lookupAll } from './listed';
export type { JobFacts } from './ongoing';
export { shareEqual } from './share';
export type { JobsStoreOptions } from './store';
export { JobsStore } from './store';
