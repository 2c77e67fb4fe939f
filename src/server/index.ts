export type { Caller, JobsBackend } from './backend';
export type { ErrorBody } from './errors';
export { HttpError } from './errors';
export type { JobsHandler, JobsHandlerOptions } from './handler';
export { createJobsHandler } from './handler';
export type { MemoryBackend, MemoryBackendOptions } from './memory-backend';
export { memoryBackend } from './memory-backend';
export type { NodeRequestListener } from './node';
export { toNodeListener } from './node';
