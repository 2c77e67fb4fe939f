// The worker process: the Playground's job handlers, run by BullMQ. The host app's data (contacts, exported
// files) lives in Redis, so the server can show what the jobs changed.
import { Redis } from 'ioredis';

import { startBullmqWorker } from '../../src/server';
import { type Contact, initialContacts } from '../../stories/playground/data';
import { createPlaygroundHandlers } from '../../stories/playground/handlers';
import { CONTACTS_KEY, exportKey, QUEUE, redisConnection } from './config';

const connection = redisConnection();
const redis = new Redis(connection);
const stored = await redis.get(CONTACTS_KEY);
let contacts: Contact[] = stored === null ? initialContacts : (JSON.parse(stored) as Contact[]);
if (stored === null) await redis.set(CONTACTS_KEY, JSON.stringify(contacts));

const world = {
  contacts: () => contacts,
  setContacts(update: (rows: Contact[]) => Contact[]) {
    contacts = update(contacts);
    void redis.set(CONTACTS_KEY, JSON.stringify(contacts));
  },
  saveExport(path: string, text: string) {
    void redis.set(exportKey(path.replace(/^\.\//, '/')), text, 'EX', 3600);
  },
};

const worker = await startBullmqWorker({
  connection,
  queue: QUEUE,
  concurrency: 4,
  handlers: createPlaygroundHandlers(world, { speed: Number(process.env.SPEED ?? 1), failureRate: 0 }),
});
console.log(`worker ${process.pid} ready on queue ${QUEUE}`);

const stop = async () => {
  await worker.close();
  redis.disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.on('disconnect', () => void stop());
