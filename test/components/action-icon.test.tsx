import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ActionIcon, hasActionIcon, JobsProvider } from '../../src';
import { createMemoryJobsClient } from '../../src/memory';

function renderIcon(ui: ReactNode, icons?: Record<string, ReactNode>) {
  return render(
    <JobsProvider client={createMemoryJobsClient()} {...(icons === undefined ? {} : { icons })}>
      <button type="button">{ui}Export</button>
    </JobsProvider>,
  );
}

const iconOf = (container: HTMLElement) => container.querySelector('[data-slot="action-icon"]');

describe('ActionIcon', () => {
  it('shows the host’s icon for a name in the provider’s map', () => {
    const { container } = renderIcon(<ActionIcon name="download" />, { download: <svg data-testid="host-download" /> });
    const icon = iconOf(container);
    expect(icon).toHaveAttribute('data-icon', 'download');
    expect(icon).not.toHaveAttribute('data-default');
    expect(icon?.querySelector('[data-testid="host-download"]')).not.toBeNull();
  });

  it.each([
    ['an unknown name', 'sparkles'],
    ['no name', undefined],
    ['a name from Object.prototype', 'constructor'],
  ])('falls back to a lightning bolt for %s', (_, name) => {
    const { container } = renderIcon(<ActionIcon name={name} />, { download: <svg /> });
    const icon = iconOf(container);
    expect(icon).toHaveAttribute('data-default', '');
    const svg = icon?.querySelector('svg');
    expect(svg).toHaveAttribute('fill', 'currentColor');
    expect(svg).toHaveAttribute('width', '1em');
    if (name === undefined) expect(icon).not.toHaveAttribute('data-icon');
    else expect(icon).toHaveAttribute('data-icon', name);
  });

  it('renders nothing for none', () => {
    const { container } = renderIcon(<ActionIcon name="none" />, { none: <svg /> });
    expect(iconOf(container)).toBeNull();
    expect(hasActionIcon('none')).toBe(false);
    expect(hasActionIcon(undefined)).toBe(true);
    expect(hasActionIcon('download')).toBe(true);
  });

  it('is hidden from assistive technology, so the button keeps its own name', () => {
    const { container, getByRole } = renderIcon(<ActionIcon name={undefined} className="host" />);
    expect(iconOf(container)).toHaveAttribute('aria-hidden', 'true');
    expect(iconOf(container)).toHaveClass('host');
    expect(getByRole('button')).toHaveAccessibleName('Export');
  });
});
