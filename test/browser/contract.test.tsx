import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/styles.css';
import { ActionButton, ConfirmDialog, JobsIndicator, JobsProvider, ProgressBar, Tooltip } from '../../src';
import { createMemoryJobsClient, type MemoryJobsClient } from '../../src/memory';
import { cases, classMap, SOURCE, seeded } from './contract-cases';

/*
 * The part contract, over every exported component: className, style and the other HTML attributes land
 * on the root; each part named in `classNames` gets its class (composed dialogs, menus, tooltips and
 * errors included, under their own key); `unstyled` reaches every part it renders, portalled ones too;
 * `container` is where portalled parts mount.
 */

let client: MemoryJobsClient | undefined;
afterEach(() => {
  client?.dispose();
  client = undefined;
});

/** Slots that are not parts a host styles: hidden text for screen readers, position markers. */
const notParts = (slot: string) => slot === 'visually-hidden' || slot.endsWith('-anchor');

describe('every exported component keeps the part contract', () => {
  it.each(cases)('$name', async (testCase) => {
    client = createMemoryJobsClient({ jobs: seeded, ...testCase.faults });
    const container = document.createElement('div');
    container.setAttribute('data-testid', 'portal-target');
    document.body.append(container);
    try {
      const contract = {
        id: 'host-root',
        'data-host': 'yes',
        className: 'host-class',
        style: { outlineOffset: '7px' },
        classNames: classMap(testCase.parts),
        unstyled: true,
        container,
      };
      render(
        <JobsProvider client={client} theme={{ duration: '0ms' }}>
          <main>{testCase.render(contract)}</main>
        </JobsProvider>,
      );
      await testCase.reveal?.();

      // The root: className, style and the other attributes.
      const root = await waitFor(() => {
        const found = document.getElementById('host-root');
        if (found === null) throw new Error('no root');
        return found;
      });
      expect(root).toHaveClass('host-class');
      expect(root.style.outlineOffset).toBe('7px');
      expect(root).toHaveAttribute('data-host', 'yes');
      expect(root).toHaveAttribute('data-slot');

      // Each part named gets its class, its slot and `data-unstyled`.
      await waitFor(() => {
        for (const name of testCase.parts) {
          const part = document.querySelector(`.part-${name.replace('.', '-')}`);
          expect({ name, found: part !== null }).toEqual({ name, found: true });
          expect({ name, slot: part?.hasAttribute('data-slot') }).toEqual({ name, slot: true });
          expect({ name, unstyled: part?.getAttribute('data-unstyled') }).toEqual({ name, unstyled: '' });
          const state = testCase.states?.[name];
          if (state !== undefined) expect({ name, state: part?.getAttribute('data-state') }).toEqual({ name, state });
        }
      });

      // `unstyled` reaches every part, portalled ones included.
      const scopes = [document.querySelector('main') as HTMLElement, container];
      for (const scope of scopes) {
        for (const element of scope.querySelectorAll('[data-slot]')) {
          const slot = element.getAttribute('data-slot') ?? '';
          if (notParts(slot)) continue;
          expect({ slot, unstyled: element.hasAttribute('data-unstyled') }).toEqual({ slot, unstyled: true });
        }
      }

      // Portalled parts mount in `container`.
      if (testCase.portals) expect(container.querySelector('[data-slot]')).not.toBeNull();
    } finally {
      container.remove();
    }
  });
});

describe('provider defaults', () => {
  it('style every component from the provider, and a component’s own props win part by part', async () => {
    client = createMemoryJobsClient();
    render(
      <JobsProvider
        client={client}
        unstyled
        classNames={{
          ProgressBar: { root: 'kit-bar', fill: 'kit-fill' },
          ActionButton: { button: 'kit-button', label: 'kit-label' },
        }}
      >
        <ProgressBar value={10} label="Styled by the provider" />
        <ProgressBar value={20} label="Styled its own way" unstyled={false} classNames={{ root: 'own-bar' }} />
        <ActionButton
          action={{ label: 'Export', operation: 'export' }}
          domain="sheet"
          source={SOURCE}
          classNames={{ label: 'own-label' }}
        />
      </JobsProvider>,
    );
    const [provided, own] = screen.getAllByRole('progressbar');
    expect(provided).toHaveClass('kit-bar');
    expect(provided).toHaveAttribute('data-unstyled', '');
    expect(provided?.firstElementChild).toHaveClass('kit-fill');
    expect(own).toHaveClass('own-bar');
    expect(own).not.toHaveClass('kit-bar');
    expect(own).not.toHaveAttribute('data-unstyled');
    // The own class for the fill was not given: the provider's still applies.
    expect(own?.firstElementChild).toHaveClass('kit-fill');
    const button = screen.getByRole('button', { name: 'Export' });
    expect(button).toHaveClass('kit-button');
    expect(button.querySelector('[data-slot="action-button-label"]')).toHaveClass('own-label');
    expect(button.querySelector('[data-slot="action-button-label"]')).not.toHaveClass('kit-label');
  });

  it('mount dialogs in the provider’s container', async () => {
    client = createMemoryJobsClient();
    const container = document.createElement('div');
    document.body.append(container);
    try {
      render(
        <JobsProvider client={client} container={container}>
          <ConfirmDialog title="Export" defaultOpen onConfirm={() => undefined} />
        </JobsProvider>,
      );
      const dialog = await screen.findByRole('alertdialog');
      expect(container).toContainElement(dialog);
    } finally {
      container.remove();
    }
  });

  it('fall back to the body for a container that is null (a ref not attached yet)', async () => {
    client = createMemoryJobsClient();
    render(
      <JobsProvider client={client}>
        <ConfirmDialog title="Export" defaultOpen onConfirm={() => undefined} container={null} />
      </JobsProvider>,
    );
    expect(await screen.findByRole('alertdialog')).toBeVisible();
  });

  it('leave nothing behind: a container given and then removed', async () => {
    client = createMemoryJobsClient();
    const container = document.createElement('div');
    document.body.append(container);
    try {
      const { unmount } = render(
        <JobsProvider client={client} container={container}>
          <Tooltip content="Tip" defaultOpen>
            <button type="button">Export</button>
          </Tooltip>
        </JobsProvider>,
      );
      expect(container.querySelector('[role="tooltip"]')).not.toBeNull();
      unmount();
      expect(container.childElementCount).toBe(0);
    } finally {
      container.remove();
    }
  });
});

describe('root handlers', () => {
  it('run beside the kit’s own: neither replaces the other', async () => {
    client = createMemoryJobsClient();
    const onKeyDown = vi.fn();
    const onFocus = vi.fn();
    render(
      <JobsProvider client={client}>
        <JobsIndicator onKeyDown={onKeyDown} />
        <Tooltip content="Exports every sheet" onFocus={onFocus}>
          <button type="button">Export</button>
        </Tooltip>
      </JobsProvider>,
    );
    const trigger = screen.getByRole('button', { name: /^Jobs/ });
    await userEvent.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    expect(onKeyDown).toHaveBeenCalled();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus();
    expect(onFocus).toHaveBeenCalled();
    expect(await screen.findByRole('tooltip')).toBeVisible();
  });
});
