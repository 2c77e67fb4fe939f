import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryJobsClient } from '../../src/memory';
import { JobsProvider } from '../../src';
import { type Announcer, useAnnouncer } from '../../src/react/announcer';

let announcer: Announcer | undefined;
function Grab() {
  announcer = useAnnouncer('test');
  return null;
}

function mount() {
  const client = createMemoryJobsClient();
  render(
    <JobsProvider client={client} queryClient={new QueryClient()}>
      <Grab />
    </JobsProvider>,
  );
  return client;
}

const polite = () =>
  (document.querySelector('[data-slot="live-region-polite"]')?.textContent ?? '').replace('\u200d', '');
const say = (jobId: string, milestone: 'start' | 'end', text: string) =>
  act(() => announcer?.announceMilestone(jobId, milestone, text));

describe('the announcer over many jobs', () => {
  it('remembers the milestones of the 100 jobs announced last, and no more', async () => {
    const client = mount();
    await say('a', 'end', 'A is done');
    await say('a', 'end', 'A is done, again');
    expect(polite()).toBe('A is done');
    // A job announced recently is still told once, whatever came after it within the bound.
    for (let i = 1; i <= 99; i += 1) await say(`j${i}`, 'start', `Job ${i} started`);
    await say('a', 'end', 'A is done, again');
    expect(polite()).toBe('Job 99 started');
    // 100 more jobs later, nothing of `a` is kept: the record is bounded, not one entry per job ever seen.
    for (let i = 100; i <= 199; i += 1) await say(`j${i}`, 'start', `Job ${i} started`);
    await say('a', 'end', 'A is done, told anew');
    expect(polite()).toBe('A is done, told anew');
    client.dispose();
  });
});
