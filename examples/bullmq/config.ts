// What the example's server and worker share: where Redis is and which queue runs which operation.
export const QUEUE = 'jobkit-example';

/** Every operation of the Playground's actions, all on one queue. */
export const OPERATIONS = [
  'file:extract',
  'file:map',
  'sheet:delete-records',
  'sheet:export',
  'sheet:find-replace',
  'sheet:ai-assist',
  'sheet:mutate-records',
  'sheet:validate-emails',
  'space:configure',
];

/** `REDIS_URL` (redis://host:port), or 127.0.0.1:6379. */
export function redisConnection(): { host: string; port: number; maxRetriesPerRequest: null } {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  return { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
}

/** Redis keys of the host app's data (the Playground's contacts and exported files). */
export const CONTACTS_KEY = 'jobkit-example:contacts';
export const exportKey = (path: string) => `jobkit-example:export:${path}`;
