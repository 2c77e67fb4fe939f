import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { JobsPanel, JobsProvider, type NavigateTarget, OutcomeDialog } from '../src';
import { createFlatfileJobsClient } from '../src/flatfile';
import {
  cancelledSpelling,
  exportComplete,
  extractPart,
  filesComplete,
  progressOver100,
  SPACE_ID,
  submitExecuting,
  submitFailed,
  USER_ID,
} from '../test/flatfile/fixtures';

const recorded: Record<string, unknown>[] = [
  extractPart,
  submitExecuting,
  exportComplete,
  filesComplete,
  submitFailed,
  progressOver100,
  cancelledSpelling,
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Flatfile's API as recorded in the adapter's test fixtures, answered in the page: the real adapter runs
 * over it, so these are the very payloads a Flatfile space sends (`cancelled` spelling, progress 140...).
 */
function recordedFlatfile(seen: string[]) {
  const jobs = new Map(recorded.map((job) => [job.id as string, structuredClone(job)]));
  return async (url: string, init: RequestInit): Promise<Response> => {
    const { pathname } = new URL(url);
    const method = init.method ?? 'GET';
    seen.push(`${method} ${pathname.replace(/^\/v1/, '')}`);
    const path = pathname.replace(/^\/v1/, '');
    if (method === 'GET' && path === '/jobs') {
      const data = [...jobs.values()];
      return json({ data, pagination: { currentPage: 1, pageCount: 1, totalCount: data.length } });
    }
    if (method === 'GET' && path === '/events') return json({ data: [] });
    const ack = /^\/jobs\/([^/]+)\/outcome\/ack$/.exec(path);
    if (method === 'POST' && ack) {
      const job = jobs.get(ack[1] as string);
      if (job === undefined) return json({ errors: [{ message: 'Not found' }] }, 404);
      job.outcomeAcknowledgedAt = new Date().toISOString();
      return json({ data: job });
    }
    const one = /^\/jobs\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) {
      const job = jobs.get(one[1] as string);
      return job === undefined ? json({ errors: [{ message: 'Not found' }] }, 404) : json({ data: job });
    }
    return json({ errors: [{ message: `Not recorded: ${method} ${path}` }] }, 404);
  };
}

/** The requests the story's space answered, for the play function to check. */
const seen: string[] = [];

function RecordedSpace() {
  const [client] = useState(() =>
    createFlatfileJobsClient({
      accessToken: 'sk_story',
      spaceId: SPACE_ID,
      baseUrl: 'https://api.example.invalid/v1',
      fetch: recordedFlatfile(seen),
    }),
  );
  const [went, setWent] = useState<NavigateTarget>();
  return (
    <JobsProvider client={client} currentUserId={USER_ID} navigate={setWent}>
      <main
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: 16,
          maxWidth: 720,
        }}
      >
        <h1 style={{ fontSize: 18, marginTop: 0 }}>A Flatfile space, as its API answers</h1>
        <p>
          Navigated to:{' '}
          <output aria-label="Navigated to">
            {went === undefined ? 'nowhere yet' : `${went.id}/${went.path ?? ''}?${went.query ?? ''}`}
          </output>
        </p>
        <JobsPanel spaceId={SPACE_ID} height={420} />
        <OutcomeDialog />
      </main>
    </JobsProvider>
  );
}

const meta = {
  title: 'Flatfile/Recorded payloads',
  component: RecordedSpace,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof RecordedSpace>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = () => within(document.body);

/** Recorded Flatfile jobs through the adapter, the panel and the outcome popups. */
export const JobsPanelAndOutcomes: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    seen.length = 0;

    await step('the outcomes the user has not acknowledged pop up, one at a time', async () => {
      // The list arrives newest first, but outcomes show in the order the jobs ended: the failed submit
      // (09:10) before the export (09:41), which waits its turn.
      const failed = await body().findByRole('dialog', { name: 'Submit failed' }, { timeout: 4000 });
      await expect(within(failed).getByText('The CRM refused the request: 401 Unauthorized')).toBeVisible();
      await expect(within(failed).getByRole('button', { name: 'Try again' })).toBeVisible();
      await expect(body().getAllByRole('dialog')).toHaveLength(1);
      await userEvent.click(within(failed).getByRole('button', { name: 'Close' }));
      const success = await body().findByRole('dialog', { name: 'Success!' }, { timeout: 3000 });
      await expect(within(success).getByText('Your export is ready. It will download automatically.')).toBeVisible();
      await userEvent.click(within(success).getByRole('button', { name: 'See all downloads' }));
      await waitFor(() =>
        expect(canvas.getByLabelText('Navigated to')).toHaveTextContent(`${SPACE_ID}/files?mode=export`),
      );
      await waitFor(() => expect(body().queryByRole('dialog')).toBeNull());
      // Each acknowledgement reached Flatfile's endpoint once.
      await expect(seen.filter((call) => call.endsWith('/outcome/ack')).sort()).toEqual([
        `POST /jobs/${exportComplete.id}/outcome/ack`,
        `POST /jobs/${submitFailed.id}/outcome/ack`,
      ]);
    });

    await step('the panel reads the wire format as the kit means it', async () => {
      const list = canvas.getByRole('list');
      await expect(within(list).getByText('Sending 1,204 records to the CRM')).toBeVisible();
      const items = within(list).getAllByRole('listitem');
      const row = (text: string) => items.find((item) => within(item).queryByText(text) !== null) as HTMLElement;
      // "cancelled" on the wire reads as the API's canceled; progress 140 is clamped to 100.
      await expect(within(row('Canceled by user')).getByText('Canceled')).toBeVisible();
      const enrich = items.find((item) => /Enrich/.test(item.textContent ?? '')) as HTMLElement;
      await expect(within(enrich).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    });
  },
};
