import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressBar } from '../../src';
import { createMemoryJobsClient } from '../../src/memory';
import { JobsProvider } from '../../src/react';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the provider locale', () => {
  it.each(['en_US', '', 'not a locale'])(
    'falls back to the default locale for %j with a development warning',
    (locale) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const client = createMemoryJobsClient();
      render(
        <JobsProvider client={client} locale={locale}>
          <ProgressBar value={42} label="Export" />
        </JobsProvider>,
      );
      expect(screen.getByRole('progressbar', { name: 'Export' })).toHaveAttribute('aria-valuetext', '42%');
      expect(warn.mock.calls.some(([message]) => /locale/.test(String(message)))).toBe(true);
      client.dispose();
    },
  );
});
