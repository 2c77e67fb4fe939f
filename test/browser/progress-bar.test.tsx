import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../src/styles.css';
import { createMemoryJobsClient } from '../../src/memory';
import { JobsProvider, ProgressBar } from '../../src';

const client = createMemoryJobsClient();

function fillOf(bar: HTMLElement): HTMLElement {
  return bar.querySelector('[data-slot="progress-fill"]') as HTMLElement;
}

describe('ProgressBar in a real browser', () => {
  it('shows progress by scaling the fill, leaving its box (and so the layout) alone', () => {
    // No transition, so the computed transform is the final one.
    const still = { duration: '0ms' };
    const { rerender } = render(
      <JobsProvider client={client} theme={still}>
        <div style={{ width: 200 }}>
          <ProgressBar label="Export" value={42} />
        </div>
      </JobsProvider>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Export' });
    const fill = fillOf(bar);
    expect(new DOMMatrix(getComputedStyle(fill).transform).a).toBeCloseTo(0.42, 5);
    expect(fill.offsetWidth).toBe(200);

    rerender(
      <JobsProvider client={client} theme={still}>
        <div style={{ width: 200 }}>
          <ProgressBar label="Export" value={90} />
        </div>
      </JobsProvider>,
    );
    expect(new DOMMatrix(getComputedStyle(fill).transform).a).toBeCloseTo(0.9, 5);
    expect(fill.offsetWidth).toBe(200);
    expect(fill.getBoundingClientRect().width).toBeCloseTo(180, 0);
    expect(bar).toHaveAttribute('aria-valuetext', '90%');
  });

  it('omits aria-valuenow while indeterminate and says the work goes on', () => {
    render(
      <JobsProvider client={client}>
        <ProgressBar label="Import" value={undefined} />
      </JobsProvider>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Import' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).toHaveAttribute('aria-valuetext', 'In progress');
    expect(bar).toHaveAttribute('data-indeterminate');
  });

  it('takes its colours from the theme, light or dark', () => {
    const theme = { accent: 'rgb(0, 128, 0)', dark: { accent: 'rgb(255, 165, 0)' } };
    const { rerender } = render(
      <JobsProvider client={client} theme={theme} colorScheme="light">
        <ProgressBar label="Export" value={50} />
      </JobsProvider>,
    );
    const fill = fillOf(screen.getByRole('progressbar'));
    expect(getComputedStyle(fill).backgroundColor).toBe('rgb(0, 128, 0)');
    rerender(
      <JobsProvider client={client} theme={theme} colorScheme="dark">
        <ProgressBar label="Export" value={50} />
      </JobsProvider>,
    );
    expect(getComputedStyle(fill).backgroundColor).toBe('rgb(255, 165, 0)');
  });

  it('lets a host class win over the stylesheet', () => {
    const style = document.createElement('style');
    style.textContent = '.host-track { height: 20px; }';
    document.head.append(style);
    render(
      <JobsProvider client={client}>
        <ProgressBar label="Export" value={10} className="host-track" />
      </JobsProvider>,
    );
    expect(screen.getByRole('progressbar').getBoundingClientRect().height).toBe(20);
    style.remove();
  });
});
