export { readActions } from './actions';
export { createFlatfileJobsClient } from './client';
export { parseRetryAfter } from './errors';
export { FLATFILE_BASE_URL } from './http';
export type {
  FetchLike,
  FlatfileActionsReader,
  FlatfileActionsTarget,
  FlatfileConnectionOptions,
  FlatfileFieldActions,
  FlatfileJobsClient,
  FlatfileJobsClientOptions,
  FlatfilePollOptions,
  FlatfileRetryOptions,
  FlatfileSheetActions,
} from './types';
