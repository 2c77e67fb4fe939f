import { JobsClientError } from '../../core';

export type BullModule = typeof import('bullmq');

/**
 * `bullmq`, loaded on first use: it is an optional peer dependency, so `jobkit/server` loads without it for
 * hosts that use `memoryBackend` or a backend of their own.
 */
export async function loadBullmq(): Promise<BullModule> {
  try {
    return await import('bullmq');
  } catch (error) {
    throw new JobsClientError('server', 'bullmqBackend needs the bullmq package: npm install bullmq', { cause: error });
  }
}
