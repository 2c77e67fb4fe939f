import { type ReactNode, useState } from 'react';
import type { Job } from '../../src/core';
import { type ColorScheme, JobsProvider } from '../../src';
import { createMemoryJobsClient, type MemoryJobsClientOptions } from '../../src/memory';

export interface HarnessProps {
  children: (onJobCreated: (job: Job) => void) => ReactNode;
  client?: MemoryJobsClientOptions;
  colorScheme?: ColorScheme;
  dir?: 'ltr' | 'rtl';
  width?: number;
}

/**
 * A small host page for action stories: a provider on the memory engine and an output that shows the last
 * job an action created, so play functions can check what was sent.
 */
export function ActionHarness({
  children,
  client: options,
  colorScheme = 'light',
  dir = 'ltr',
  width = 640,
}: HarnessProps): ReactNode {
  const [client] = useState(() => createMemoryJobsClient({ latency: 30, ...options }));
  const [last, setLast] = useState<Job>();
  const shown =
    last === undefined
      ? 'No job yet'
      : JSON.stringify({
          job: `${last.type}:${last.operation}`,
          source: last.source,
          mode: last.mode,
          input: last.input,
          subject: last.subject,
        });
  return (
    <JobsProvider client={client} colorScheme={colorScheme}>
      <div
        dir={dir}
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: 16,
          maxWidth: width,
        }}
      >
        {children(setLast)}
        <p style={{ marginTop: 24, fontSize: 13, color: 'var(--jk-muted)' }}>
          Last job: <output aria-label="Last job">{shown}</output>
        </p>
      </div>
    </JobsProvider>
  );
}

/** The last job the harness shows, parsed. */
export function lastJob(root: HTMLElement): Record<string, unknown> | undefined {
  const text = root.querySelector('output[aria-label="Last job"]')?.textContent ?? '';
  return text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}
