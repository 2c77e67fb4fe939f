// The engine answers with jobs as `normalizeJob` makes them, whatever handlers and callers feed it: a
// host or test reading the engine directly sees what the kit would show.
import { describe, expect, it } from 'vitest';

import { type Job, normalizeJob } from '../../src/core';
import { JobFailure } from '../../src/memory';
import { exportWorkbook, setup, START } from './helpers';

function expectNormalized(job: Job) {
  expect(normalizeJob(job)).toEqual(job);
}

describe('the engine’s copies', () => {
  it('are what normalizeJob makes of them, through a whole life and odd handler input', async () => {
    const { client, clock, events } = setup({
      jobs: [
        {
          id: 'us_jb_seed',
          ...exportWorkbook,
          status: 'complete',
          progress: 250,
          createdAt: START,
          outcome: { message: 'Seeded', heading: 7 } as never,
        },
      ],
      handlers: {
        'workbook:export': async (_job, { tick, sleep }) => {
          await tick(Number.NaN);
          await tick(140, 42 as never, 'not a date');
          await tick(30, 'A third', new Date(START.getTime() + 60_000));
          await tick(60, undefined, 'nope');
          await sleep(10);
          return {
            outcome: {
              message: 'Done',
              acknowledge: 'yes' as never,
              next: { type: 'url', url: 'https://example.com' },
            },
            info: 5 as never,
          };
        },
        'workbook:submit': async (_job, { tick }) => {
          await tick(10, 'Halfway');
          throw new JobFailure('Broke', { acknowledge: true, message: 'Broke', trigger: 'sometimes' as never });
        },
      },
    });
    const answers: Job[] = [];
    answers.push(await client.create({ ...exportWorkbook, input: { format: 'csv' }, mode: 'background' }));
    answers.push(await client.create({ ...exportWorkbook, operation: 'submit', trigger: 'manual' }));
    answers.push(await client.execute(answers[1]!.id));
    await clock.advance(100);
    answers.push(await client.acknowledgeOutcome(answers[0]!.id));
    answers.push(await client.retry(answers[1]!.id));
    answers.push(await client.cancel(answers[1]!.id));
    answers.push(...(await client.list({ pageSize: 100 })).data, ...client.snapshot());

    const jobs = [...answers, ...events.flatMap((event) => (event.job === undefined ? [] : [event.job]))];
    expect(events.map((event) => event.topic)).toContain('job:completed');
    expect(events.map((event) => event.topic)).toContain('job:failed');
    expect(jobs.length).toBeGreaterThan(20);
    for (const job of jobs) expectNormalized(job);
  });
});
