import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { ActionButton, JobsIndicator, JobsProvider, ProgressOverlay } from '../src';
import { createFlatfileJobsClient } from '../src/flatfile';
import { SPACE_ID, USER_ID, WORKBOOK_ID, workbookWithHistory } from '../test/flatfile/fixtures';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A workbook whose foreground submit (a recorded payload) still runs behind 120 finished exports, answered
 * in the page the way Flatfile's `GET /jobs` pages: by source, newest or oldest first, with `pagination`,
 * and no status filter.
 */
function workbookSpace() {
  const jobs = workbookWithHistory(120);
  return async (url: string, init: RequestInit): Promise<Response> => {
    const { pathname, searchParams } = new URL(url);
    const method = init.method ?? 'GET';
    const path = pathname.replace(/^\/v1/, '');
    if (method === 'GET' && path === '/jobs') {
      const source = searchParams.get('source');
      const direction = searchParams.get('sortDirection') === 'asc' ? 1 : -1;
      const list = jobs
        .filter((job) => source === null || job.source === source)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) * direction);
      const pageSize = Number(searchParams.get('pageSize') ?? 20);
      const pageNumber = Number(searchParams.get('pageNumber') ?? 1);
      const data = list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
      return json({
        data,
        pagination: {
          currentPage: pageNumber,
          pageCount: Math.max(1, Math.ceil(list.length / pageSize)),
          totalCount: list.length,
        },
      });
    }
    if (method === 'GET' && path === '/events') return json({ data: [] });
    const one = /^\/jobs\/([^/]+)$/.exec(path);
    const job = one ? jobs.find((candidate) => candidate.id === one[1]) : undefined;
    if (method === 'GET' && job !== undefined) return json({ data: job });
    return json({ errors: [{ message: `Not recorded: ${method} ${path}` }] }, 404);
  };
}

function ReloadedWorkbook() {
  const [client] = useState(() =>
    createFlatfileJobsClient({
      accessToken: 'sk_story',
      spaceId: SPACE_ID,
      baseUrl: 'https://api.example.invalid/v1',
      fetch: workbookSpace(),
    }),
  );
  return (
    <JobsProvider client={client} currentUserId={USER_ID}>
      <main
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: 16,
          maxWidth: 720,
        }}
      >
        <h1 style={{ fontSize: 18, marginTop: 0 }}>Contacts workbook, just reloaded</h1>
        <div role="toolbar" aria-label="Workbook actions" style={{ display: 'flex', gap: 8, marginBottom: 12 }}>
          <ActionButton
            action={{ label: 'Export', operation: 'export', mode: 'foreground' }}
            domain="workbook"
            source={WORKBOOK_ID}
          />
          <JobsIndicator source={WORKBOOK_ID} />
        </div>
        <ProgressOverlay source={WORKBOOK_ID}>
          <table aria-label="Contacts" style={{ minHeight: 160, width: '100%' }}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>Ada Lovelace</td>
                <td>ada@example.com</td>
              </tr>
            </tbody>
          </table>
        </ProgressOverlay>
      </main>
    </JobsProvider>
  );
}

const meta = {
  title: 'Flatfile/Reload while a job runs',
  component: ReloadedWorkbook,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ReloadedWorkbook>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Flatfile cannot list jobs by status: the adapter reads the workbook's jobs newest first until the list
 * ends (at most 10 requests), so the submit running behind 120 finished exports is found on first render.
 */
export const ReloadWhileAJobRuns: Story = {
  name: 'Flatfile: reload while a job runs',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const overlay = await canvas.findByRole('group', {}, { timeout: 4000 });
    await expect(within(overlay).getByText('Sending 1,204 records to the CRM')).toBeVisible();
    await expect(within(overlay).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '42');
    await expect(
      canvas.getByRole('table', { name: 'Contacts', hidden: true }).closest('[aria-busy="true"]'),
    ).not.toBeNull();
    const exportButton = canvas.getByRole('button', { name: 'Export' });
    await waitFor(() => expect(exportButton).toHaveAttribute('aria-disabled', 'true'));
    await expect(exportButton).toHaveAccessibleDescription(/finishes/);
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Jobs/ })).toHaveAccessibleName('Jobs 1 running'));
  },
};
