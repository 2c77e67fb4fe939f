export { readActions } from './actions';
export { createFlatfileJobsClient } from './client';
export { parseRetryAfter } from './errors';
export { FLATFILE_BASE_URL } from './http';
export { ACTIVE_LOOKUP_MAX_REQUESTS, ACTIVE_LOOKUP_PAGE_SIZE } from './active';
export type {
  FetchLike,
  FlatfileActiveLookupOptions,
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
