export type { BullmqBackendOptions } from './backend';
export { bullmqBackend } from './backend';
export type { BullmqConnection } from './connection';
export type { BullState } from './mapping';
export { STATUS_OF_STATE, toKitJob } from './mapping';
export type { BullmqWorker, BullmqWorkerOptions } from './worker';
export { startBullmqWorker } from './worker';
