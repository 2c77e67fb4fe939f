// A reload while a job runs behind a long history: the kit on the Flatfile adapter finds it at once, and
// follows it through an event whose topic it does not know.
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { ActionButton, JobsIndicator, JobsProvider, ProgressOverlay } from '../../src';
import { createFlatfileJobsClient } from '../../src/flatfile';
import { quietQueryClient } from '../react/helpers';
import { jobEvent, SPACE_ID, submitExecuting, WORKBOOK_ID, workbookWithHistory } from './fixtures';
import { type FakeFlatfile, withFakeFlatfile } from './server';

let server: FakeFlatfile;
withFakeFlatfile((started) => {
  server = started;
});

beforeEach(() => {
  server.jobs.clear();
  for (const job of workbookWithHistory(120)) server.jobs.set(job.id, job);
});

function Workbook() {
  const client = createFlatfileJobsClient({
    baseUrl: server.baseUrl,
    accessToken: 'sk_test_valid',
    spaceId: SPACE_ID,
    poll: { activeMs: 50, idleMs: 50 },
  });
  return (
    <JobsProvider client={client} queryClient={quietQueryClient()}>
      <JobsIndicator source={WORKBOOK_ID} />
      <ActionButton
        action={{ label: 'Export', operation: 'export', mode: 'foreground' }}
        domain="workbook"
        source={WORKBOOK_ID}
      />
      <ProgressOverlay source={WORKBOOK_ID}>
        <table aria-label="Contacts">
          <tbody>
            <tr>
              <td>Ada</td>
            </tr>
          </tbody>
        </table>
      </ProgressOverlay>
    </JobsProvider>
  );
}

const indicator = () => screen.getByRole('button', { name: /^Jobs/ });
const exportButton = () => screen.getByRole('button', { name: 'Export' });

describe('Flatfile: reload while a job runs behind 120 finished jobs', () => {
  it('covers the workbook, disables the action and counts 1 running, from the first lookups', async () => {
    render(<Workbook />);

    const overlay = await screen.findByRole('group', {}, { timeout: 4000 });
    expect(within(overlay).getByText('Sending 1,204 records to the CRM')).toBeInTheDocument();
    expect(
      overlay.closest('[data-slot="progress-overlay-region"]')?.querySelector('[aria-busy="true"]'),
    ).not.toBeNull();
    await waitFor(() => expect(exportButton()).toHaveAttribute('aria-disabled', 'true'));
    await waitFor(() => expect(indicator()).toHaveAccessibleName('Jobs 1 running'));
    // Two lookups (the source's active jobs, the indicator's count), two pages of 100 each.
    expect(server.calls().filter((call) => call === 'GET /jobs')).toHaveLength(4);
  });

  it('reads the job again on a job:* topic it does not know, and lifts the overlay when it has ended', async () => {
    render(<Workbook />);
    await screen.findByRole('group', {}, { timeout: 4000 });
    const reads = () => server.calls().filter((call) => call === `GET /jobs/${submitExecuting.id}`).length;
    const before = reads();

    const now = new Date(server.now()).toISOString();
    Object.assign(server.jobs.get(submitExecuting.id) ?? {}, {
      status: 'complete',
      progress: 100,
      updatedAt: now,
      finishedAt: now,
    });
    server.events.push(
      jobEvent('us_evt_Unknown1', 'job:archived' as never, { ...submitExecuting, status: 'complete' }, now),
    );

    await waitFor(() => expect(screen.queryByRole('group')).toBeNull(), { timeout: 4000 });
    expect(reads()).toBeGreaterThan(before);
    await waitFor(() => expect(exportButton()).not.toHaveAttribute('aria-disabled'));
    await waitFor(() => expect(indicator()).toHaveAccessibleName('Jobs'));
  });
});
