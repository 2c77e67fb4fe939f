import type { Action } from 'jobkit/core';
import { createMemoryJobsClient, type MemoryJobsClient } from 'jobkit/memory';

export const WORKBOOK_ID = 'us_wb_host';

/** As a Flatfile workbook would configure it: one primary action that asks before it runs. */
export const workbookActions: Action[] = [
  {
    label: 'Export',
    operation: 'export',
    mode: 'foreground',
    primary: true,
    description: 'Export every record of the workbook?',
  },
];

/** The kit's in-memory engine: an export that takes about a second and a half, then pops up its outcome. */
export function createJobsClient(): MemoryJobsClient {
  return createMemoryJobsClient({
    handlers: {
      'workbook:export': async (_job, { tick, sleep }) => {
        for (let percent = 20; percent <= 100; percent += 20) {
          await sleep(300);
          await tick(percent, `Exported ${percent}% of the records`);
        }
        return { outcome: { acknowledge: true, heading: 'Export ready', message: 'Your file is ready to download.' } };
      },
    },
  });
}
