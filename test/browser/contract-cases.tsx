import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { userEvent } from 'vitest/browser';
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
  OutcomeDialog,
  ProgressBar,
  ProgressOverlay,
  Tooltip,
} from '../../src';
import type { InputForm } from '../../src/core';
import type { createMemoryJobsClient, MemorySeedJob } from '../../src/memory';

/** One scenario per exported component (several for ActionButton), for the part-contract test. */

export const SOURCE = 'us_sh_contracts';
/** No job runs on this one, so its actions are enabled. */
const IDLE = 'us_sh_idle';
export const seeded: MemorySeedJob[] = [
  {
    id: 'us_jb_run',
    type: 'sheet',
    operation: 'import',
    source: SOURCE,
    status: 'executing',
    mode: 'foreground',
    progress: 40,
    info: 'Importing',
  },
  {
    id: 'us_jb_done',
    type: 'sheet',
    operation: 'export',
    source: SOURCE,
    status: 'complete',
    outcome: { heading: 'Exported', message: 'All done' },
  },
];

type ClassMap = Record<string, string | Record<string, string>>;

/** `{ root: 'part-root', confirmDialog: { title: 'part-confirmDialog-title' } }` from part names. */
export function classMap(parts: string[]): ClassMap {
  const map: ClassMap = {};
  for (const name of parts) {
    const [outer, inner] = name.split('.') as [string, string | undefined];
    const className = `part-${name.replace('.', '-')}`;
    if (inner === undefined) map[outer] = className;
    else map[outer] = { ...(map[outer] as Record<string, string> | undefined), [inner]: className };
  }
  return map;
}

export interface Case {
  name: string;
  /** Parts expected on the page once `reveal` ran; `a.b` is part `b` of the composed `a`. */
  parts: string[];
  /** Parts that also carry `data-state` (with this value). */
  states?: Record<string, string>;
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
      config: {
        options: [
          { value: 'calm', label: 'Calm', description: 'Quiet words' },
          { value: 'loud', label: 'Loud' },
        ],
      },
    },
  ],
};

export const cases: Case[] = [
  {
    name: 'ProgressBar',
    parts: ['root', 'fill'],
    states: { root: 'loading', fill: 'loading' },
    render: (c) => <ProgressBar value={40} label="Import" {...c} />,
  },
  { name: 'ActionIcon', parts: ['root'], render: (c) => <ActionIcon name="download" {...c} /> },
  {
    name: 'Tooltip',
    parts: ['root', 'content'],
    states: { root: 'open', content: 'open' },
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
      <ActionMenu
        items={[
          {
            id: 'a',
            label: 'Export',
            icon: <svg aria-hidden="true" width="12" height="12" />,
            tooltip: 'To CSV',
            onSelect: () => undefined,
          },
        ]}
        defaultOpen
        {...c}
      />
    ),
  },
  {
    name: 'ConfirmDialog',
    parts: ['overlay', 'content', 'title', 'description', 'error', 'actions', 'cancel', 'confirm'],
    portals: true,
    states: {
      overlay: 'open',
      content: 'open',
      title: 'open',
      description: 'open',
      error: 'open',
      actions: 'open',
      cancel: 'open',
      confirm: 'open',
    },
    render: (c) => <ConfirmDialog title="Export" defaultOpen error="It failed" onConfirm={() => undefined} {...c} />,
  },
  {
    name: 'InputFormDialog',
    parts: [
      'overlay',
      'content',
      'title',
      'description',
      'form',
      'field',
      'label',
      'required',
      'fieldDescription',
      'control',
      'options',
      'option',
      'optionLabel',
      'optionDescription',
      'alert',
      'actions',
      'cancel',
      'submit',
    ],
    portals: true,
    states: { content: 'open', title: 'open', form: 'open', field: 'open', submit: 'open' },
    render: (c) => (
      <InputFormDialog
        title="Ask"
        description="Answer this"
        defaultOpen
        form={form}
        error="It failed"
        onSubmit={() => undefined}
        {...c}
      />
    ),
  },
  {
    name: 'OutcomeDialog',
    parts: ['overlay', 'content', 'title', 'message', 'actions', 'default'],
    portals: true,
    states: { overlay: 'open', content: 'open', title: 'open', message: 'open', actions: 'open', default: 'open' },
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
    parts: [
      'root',
      'header',
      'title',
      'counts',
      'filters',
      'viewport',
      'list',
      'row',
      'label',
      'status',
      'progress',
      'outcomeDialog.content',
      'outcomeDialog.title',
    ],
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
    states: { root: 'open', trigger: 'open', popover: 'open' },
    portals: true,
    render: (c) => <JobsIndicator source={SOURCE} defaultOpen {...c} />,
    reveal: async () => {
      await screen.findAllByRole('listitem');
    },
  },
  {
    name: 'ActionButton (confirm, tooltip, icon)',
    parts: [
      'root',
      'button',
      'label',
      'tooltip.root',
      'tooltip.content',
      'icon.root',
      'confirmDialog.content',
      'confirmDialog.title',
      'confirmDialog.confirm',
      'guide',
      'guardrail',
    ],
    portals: true,
    render: (c) => (
      <ActionButton
        action={{
          label: 'Export',
          operation: 'export',
          tooltip: 'To CSV',
          icon: 'download',
          guide: { content: 'Read me' },
          guardrail: { content: 'Careful' },
        }}
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
    render: (c) => (
      <ActionButton action={{ label: 'Ask', operation: 'ask', inputForm: form }} domain="sheet" source={IDLE} {...c} />
    ),
    reveal: async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Ask' }));
      await screen.findByRole('dialog');
    },
  },
  {
    name: 'ActionButton (inline error)',
    parts: ['root', 'button', 'error', 'errorMessage', 'errorRetry', 'errorDismiss'],
    states: { root: 'idle', button: 'idle' },
    faults: { faults: { failNext: { create: 1 } } },
    render: (c) => (
      <ActionButton action={{ label: 'Sync', operation: 'sync', confirm: false }} domain="sheet" source={IDLE} {...c} />
    ),
    reveal: async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Sync' }));
      await screen.findByRole('alert');
    },
  },
  {
    name: 'ActionBar',
    parts: [
      'root',
      'menu',
      'actionButton.button',
      'actionMenu.trigger',
      'actionMenu.menu',
      'actionMenu.item',
      'confirmDialog.content',
    ],
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
