import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/styles.css';
import {
  ActionBar,
  ActionButton,
  ActionIcon,
  ActionMenu,
  ConfirmDialog,
  InputFormDialog,
  JobNotices,
  JobsIndicator,
  JobsPanel,
  JobsProvider,
  OutcomeDialog,
  ProgressBar,
  ProgressOverlay,
  Tooltip,
} from '../../src';
import type { InputForm } from '../../src/core';
import { createMemoryJobsClient, type MemoryJobsClient, type MemorySeedJob } from '../../src/memory';

/*
 * The part contract, over every exported component: className, style and the other HTML attributes land
 * on the root; each part named in `classNames` gets its class (composed dialogs, menus, tooltips and
 * errors included, under their own key); `unstyled` reaches every part it renders, portalled ones too;
 * `container` is where portalled parts mount.
 */

const SOURCE = 'us_sh_contracts';
/** No job runs on this one, so its actions are enabled. */
const IDLE = 'us_sh_idle';
const seeded: MemorySeedJob[] = [
  { id: 'us_jb_run', type: 'sheet', operation: 'import', source: SOURCE, status: 'executing', mode: 'foreground', progress: 40, info: 'Importing' },
  { id: 'us_jb_done', type: 'sheet', operation: 'export', source: SOURCE, status: 'complete', outcome: { heading: 'Exported', message: 'All done' } },
];

let client: MemoryJobsClient | undefined;
afterEach(() => {
  client?.dispose();
  client = undefined;
});

type ClassMap = Record<string, string | Record<string, string>>;

/** `{ root: 'part-root', confirmDialog: { title: 'part-confirmDialog-title' } }` from part names. */
function classMap(parts: string[]): ClassMap {
  const map: ClassMap = {};
  for (const name of parts) {
    const [outer, inner] = name.split('.') as [string, string | undefined];
    const className = `part-${name.replace('.', '-')}`;
    if (inner === undefined) map[outer] = className;
    else map[outer] = { ...(map[outer] as Record<string, string> | undefined), [inner]: className };
  }
  return map;
}

interface Case {
  name: string;
  /** Parts expected on the page once `reveal` ran; `a.b` is part `b` of the composed `a`. */
  parts: string[];
  /** Whether something mounts in `container`. */
  portals?: boolean;
  faults?: Parameters<typeof createMemoryJobsClient>[0];
  render(contract: Record<string, unknown>): ReactNode;
  reveal?(): Promise<void>;
}

const form: InputForm = {
  type: 'simple',
  fields: [
    { key: 'note', label: 'Note', type: 'string', description: 'What to say', constraints: [{ type: 'required' }] },
    {
      key: 'tone',
      label: 'Tone',
      type: 'enum',
      config: { options: [{ value: 'calm', label: 'Calm', description: 'Quiet words' }, { value: 'loud', label: 'Loud' }] },
    },
  ],
};

const cases: Case[] = [
  { name: 'ProgressBar', parts: ['root', 'fill'], render: (c) => <ProgressBar value={40} label="Import" {...c} /> },
  { name: 'ActionIcon', parts: ['root'], render: (c) => <ActionIcon name="download" {...c} /> },
  {
    name: 'Tooltip',
    parts: ['root', 'content'],
    portals: true,
    render: (c) => (
      <Tooltip content="Exports every sheet" defaultOpen {...c}>
        <button type="button">Export</button>
      </Tooltip>
    ),
  },
  {
    name: 'ActionMenu',
    parts: ['root', 'trigger', 'menu', 'item', 'itemIcon', 'itemText', 'itemLabel', 'itemDescription'],
    portals: true,
    render: (c) => (
      <ActionMenu items={[{ id: 'a', label: 'Export', icon: <svg aria-hidden="true" width="12" height="12" />, tooltip: 'To CSV', onSelect: () => undefined }]} defaultOpen {...c} />
    ),
  },
  {
    name: 'ConfirmDialog',
    parts: ['overlay', 'content', 'title', 'description', 'error', 'actions', 'cancel', 'confirm'],
    portals: true,
    render: (c) => <ConfirmDialog title="Export" defaultOpen error="It failed" onConfirm={() => undefined} {...c} />,
  },
  {
    name: 'InputFormDialog',
    parts: ['overlay', 'content', 'title', 'description', 'form', 'field', 'label', 'required', 'fieldDescription', 'control', 'options', 'option', 'optionLabel', 'optionDescription', 'alert', 'actions', 'cancel', 'submit'],
    portals: true,
    render: (c) => <InputFormDialog title="Ask" description="Answer this" defaultOpen form={form} error="It failed" onSubmit={() => undefined} {...c} />,
  },
  {
    name: 'OutcomeDialog',
    parts: ['overlay', 'content', 'title', 'message', 'actions', 'default'],
    portals: true,
    render: (c) => <OutcomeDialog jobId="us_jb_done" {...c} />,
    reveal: async () => {
      await screen.findByRole('dialog');
    },
  },
  { name: 'JobNotices', parts: ['root'], render: (c) => <JobNotices {...c} /> },
  {
    name: 'ProgressOverlay',
    parts: ['root', 'content', 'overlay', 'panel', 'heading', 'label', 'progress', 'details', 'info', 'cancel'],
    render: (c) => (
      <ProgressOverlay source={SOURCE} {...c}>
        <p>Sheet</p>
      </ProgressOverlay>
    ),
    reveal: async () => {
      await screen.findByRole('progressbar');
    },
  },
  {
    name: 'JobsPanel',
    parts: ['root', 'header', 'title', 'counts', 'filters', 'viewport', 'list', 'row', 'label', 'status', 'progress', 'outcomeDialog.content', 'outcomeDialog.title'],
    portals: true,
    render: (c) => <JobsPanel source={SOURCE} {...c} />,
    reveal: async () => {
      await userEvent.click(await screen.findByRole('button', { name: /View outcome/ }));
      await screen.findByRole('dialog');
    },
  },
  {
    name: 'JobsIndicator',
    parts: ['root', 'trigger', 'label', 'count', 'popover', 'panel.root', 'panel.row'],
    portals: true,
    render: (c) => <JobsIndicator source={SOURCE} defaultOpen {...c} />,
    reveal: async () => {
      await screen.findAllByRole('listitem');
    },
  },
  {
    name: 'ActionButton (confirm, tooltip, icon)',
    parts: ['root', 'button', 'label', 'tooltip.root', 'tooltip.content', 'icon.root', 'confirmDialog.content', 'confirmDialog.title', 'confirmDialog.confirm', 'guide', 'guardrail'],
    portals: true,
    render: (c) => (
      <ActionButton
        action={{ label: 'Export', operation: 'export', tooltip: 'To CSV', icon: 'download', guide: { content: 'Read me' }, guardrail: { content: 'Careful' } }}
        domain="sheet"
        source={IDLE}
        {...c}
      />
    ),
    reveal: async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Export' }));
      await screen.findByRole('alertdialog');
    },
  },
  {
    name: 'ActionButton (input form)',
    parts: ['root', 'button', 'inputFormDialog.content', 'inputFormDialog.field', 'inputFormDialog.submit'],
    portals: true,
    render: (c) => <ActionButton action={{ label: 'Ask', operation: 'ask', inputForm: form }} domain="sheet" source={IDLE} {...c} />,
    reveal: async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
      await screen.findByRole('dialog');
    },
  },
  {
    name: 'ActionButton (inline error)',
    parts: ['root', 'button', 'error', 'errorMessage', 'errorRetry', 'errorDismiss'],
    faults: { faults: { failNext: { create: 1 } } },
    render: (c) => <ActionButton action={{ label: 'Sync', operation: 'sync', confirm: false }} domain="sheet" source={IDLE} {...c} />,
    reveal: async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Sync' }));
      await screen.findByRole('alert');
    },
  },
  {
    name: 'ActionBar',
    parts: ['root', 'menu', 'actionButton.button', 'actionMenu.trigger', 'actionMenu.menu', 'actionMenu.item', 'confirmDialog.content'],
    portals: true,
    render: (c) => (
      <ActionBar
        label="Sheet actions"
        domain="sheet"
        source={IDLE}
        actions={[
          { label: 'Submit', operation: 'submit', primary: true },
          { label: 'Dedupe', operation: 'dedupe' },
        ]}
        {...c}
      />
    ),
    reveal: async () => {
      await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
      await userEvent.click(await screen.findByRole('menuitem', { name: 'Dedupe' }));
      await screen.findByRole('alertdialog');
    },
  },
];

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
        classNames={{ ProgressBar: { root: 'kit-bar', fill: 'kit-fill' }, ActionButton: { button: 'kit-button', label: 'kit-label' } }}
      >
        <ProgressBar value={10} label="Styled by the provider" />
        <ProgressBar value={20} label="Styled its own way" unstyled={false} classNames={{ root: 'own-bar' }} />
        <ActionButton action={{ label: 'Export', operation: 'export' }} domain="sheet" source={SOURCE} classNames={{ label: 'own-label' }} />
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
});
