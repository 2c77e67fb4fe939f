// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createMemoryJobsClient } from '../../src/memory';
import { ActionButton, JobNotices, JobsProvider, OutcomeDialog, ProgressOverlay } from '../../src';

describe('rendering on the server', () => {
  it('renders the provider and components that make their parts on first use, with no live region yet', () => {
    expect(typeof document).toBe('undefined');
    const client = createMemoryJobsClient({ latency: 0 });
    const html = renderToString(
      <JobsProvider client={client}>
        <ActionButton
          action={{ label: 'Export', operation: 'export', mode: 'foreground', confirm: false }}
          domain="workbook"
          source="us_wb_1"
        />
        <ProgressOverlay source="us_wb_1">
          <p>Contacts</p>
        </ProgressOverlay>
        <JobNotices />
        <OutcomeDialog />
      </JobsProvider>,
    );
    client.dispose();
    expect(html).toContain('Export');
    expect(html).toContain('Contacts');
    // The live regions mount after hydration, with the first component that announces.
    expect(html).not.toContain('live-region');
  });
});
