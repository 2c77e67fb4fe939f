/**
 * Redis connection options for BullMQ (`{ host, port, maxRetriesPerRequest: null, ... }`, as ioredis takes
 * them), or an ioredis client. Typed loosely so hosts without bullmq installed type-check `jobkit/server`.
 */
export type BullmqConnection = object;
