import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/styles.css';
import { createMemoryJobsClient } from '../../src/memory';
import { JobsProvider, ProgressBar, Tooltip } from '../../src';

// What a host app sees when it loads jobkit/styles.css beside its own CSS (shadcn/ui parts, Tailwind).

const client = createMemoryJobsClient();
const added: HTMLStyleElement[] = [];

/** A host stylesheet, added after the kit's (as an app's own CSS usually is). */
function hostCss(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  added.push(style);
}

afterEach(() => {
  for (const style of added.splice(0)) style.remove();
});

describe('the stylesheet in a host app', () => {
  it("leaves a host element alone that shares a kit slot name (shadcn/ui's tooltip-content)", () => {
    render(
      <JobsProvider client={client}>
        <div data-slot="tooltip-content" data-testid="host-tooltip">
          Host tooltip
        </div>
        <div data-slot="progress-track" data-testid="host-track" />
        <Tooltip content="Runs on every record" open>
          <button type="button">Validate</button>
        </Tooltip>
      </JobsProvider>,
    );
    const host = getComputedStyle(screen.getByTestId('host-tooltip'));
    expect(host.position).toBe('static');
    expect(host.zIndex).toBe('auto');
    expect(host.whiteSpace).toBe('normal');
    expect(getComputedStyle(screen.getByTestId('host-track')).height).not.toBe('6px');

    // The kit's own tooltip does get the rules (Floating UI places it; the stylesheet stacks and wraps it).
    const kit = getComputedStyle(screen.getByText('Runs on every record'));
    expect(kit.zIndex).toBe('60');
    expect(kit.whiteSpace).toBe('pre-line');
  });

  it("lets a host's layered utility (Tailwind's @layer utilities) win over the kit's rule", () => {
    hostCss('@layer theme, base, jobkit, components, utilities; @layer utilities { .h-3 { height: 12px; } }');
    render(
      <JobsProvider client={client}>
        <ProgressBar label="Export" value={40} />
        <ProgressBar label="Import" value={40} className="h-3" />
      </JobsProvider>,
    );
    expect(getComputedStyle(screen.getByRole('progressbar', { name: 'Export' })).height).toBe('6px');
    expect(getComputedStyle(screen.getByRole('progressbar', { name: 'Import' })).height).toBe('12px');
  });
});
