/**
 * What the store takes from react-query: the cache's classes and types, and the two managers it shares
 * with every QueryClient (batched notifications, page focus). All of them are query-core's, re-exported
 * by `@tanstack/react-query` (the kit's one peer dependency for data); nothing here is a React binding.
 * This is the only file of the store that imports the package.
 */
export { focusManager, notifyManager } from '@tanstack/react-query';
export type { Query, QueryCache, QueryCacheNotifyEvent, QueryClient, QueryKey } from '@tanstack/react-query';
