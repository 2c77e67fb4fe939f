export type { Clock, VirtualClock } from './clock';
export { createVirtualClock, systemClock } from './clock';
export { createMemoryJobsClient } from './client';
export type { FaultOptions, MemoryCall } from './faults';
export type { JobHandler, JobHandlerContext } from './handler';
export { JobFailure } from './handler';
export type { RetainOptions } from './retention';
export type { MemoryJobsClient, MemoryJobsClientOptions, MemorySeedJob } from './types';
