export { createHttpJobsClient, filterQuery } from './client';
export type { SseMessage } from './sse';
export { createSseParser } from './sse';
export type { FetchLike, HttpJobsClient, HttpJobsClientOptions, HttpReconnectOptions } from './types';
