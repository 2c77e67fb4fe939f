// The adapter driving the kit, end to end: the README's setup against the local Flatfile stand-in.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { JobsProvider, useJob, useJobs } from '../../src';
import { createFlatfileJobsClient } from '../../src/flatfile';
import { jobEvent, SPACE_ID, submitExecuting, WORKBOOK_ID } from './fixtures';
import { type FakeFlatfile, withFakeFlatfile } from './server';
import { quietQueryClient } from '../react/helpers';

let server: FakeFlatfile;
withFakeFlatfile((started) => {
  server = started;
});

function Row({ id }: { id: string }) {
  const { data: job } = useJob(id);
  return <li aria-label={id}>{`${job?.operation} ${job?.status} ${job?.progress ?? 0}%`}</li>;
}

function Jobs() {
  const { data } = useJobs({ workbookId: WORKBOOK_ID, type: 'workbook', excludeChildJobs: true });
  return (
    <ul aria-label="Jobs">
      {data?.ids.map((id) => (
        <Row key={id} id={id} />
      ))}
    </ul>
  );
}

describe('Jobkit on Flatfile', () => {
  it('shows the space’s jobs and follows a job through Flatfile’s events', async () => {
    const client = createFlatfileJobsClient({
      baseUrl: server.baseUrl,
      accessToken: 'sk_test_valid',
      spaceId: SPACE_ID,
      poll: { activeMs: 50, idleMs: 50 },
    });
    render(
      <JobsProvider client={client} queryClient={quietQueryClient()}>
        <Jobs />
      </JobsProvider>,
    );

    const row = await screen.findByRole('listitem', { name: submitExecuting.id });
    expect(row).toHaveTextContent('submitActionFg executing 42%');
    expect(within(screen.getByRole('list', { name: 'Jobs' })).getAllByRole('listitem').length).toBeGreaterThan(1);

    const job = server.jobs.get(submitExecuting.id);
    Object.assign(job ?? {}, { status: 'complete', progress: 100, updatedAt: new Date().toISOString() });
    server.events.push(
      jobEvent('us_evt_live1', 'job:completed', { ...submitExecuting, status: 'complete' }, new Date().toISOString()),
    );

    await screen.findByText('submitActionFg complete 100%');
    const query = server.requests.find((request) => request.path === '/jobs')?.query;
    expect(query?.get('workbookId')).toBe(WORKBOOK_ID);
    expect(query?.get('excludeChildJobs')).toBe('true');
  });

  it('gives up on a failing read after the adapter’s own tries: the kit does not multiply them', async () => {
    server.queue('GET /jobs', ...Array(12).fill({ status: 503, body: { errors: [{ message: 'Unavailable' }] } }));
    const client = createFlatfileJobsClient({
      baseUrl: server.baseUrl,
      accessToken: 'sk_test_valid',
      spaceId: SPACE_ID,
      retry: { delayMs: 1 },
    });
    function Failing() {
      const { error } = useJobs({ workbookId: WORKBOOK_ID });
      return <p>{error ? `Failed: ${error.message}` : 'Loading'}</p>;
    }
    // The kit's own default query client (no `retry: false`): its retry rule is the one under test.
    render(
      <JobsProvider client={client}>
        <Failing />
      </JobsProvider>,
    );

    await screen.findByText(/^Failed:/, undefined, { timeout: 8000 });
    expect(server.requests.filter((request) => request.path === '/jobs')).toHaveLength(3);
  });
});
