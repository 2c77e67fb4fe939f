import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, within } from 'storybook/test';
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
} from '../src';
import { createMemoryJobsClient } from '../src/memory';

/** Every exported component, for the props tables of this page (one tab each, read by react-docgen). */
const components = {
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
};

function Example() {
  const [client] = useState(() => createMemoryJobsClient());
  return (
    <JobsProvider client={client}>
      <main style={{ display: 'flex', gap: 16, alignItems: 'center', padding: 16, fontFamily: 'var(--jk-font)' }}>
        <ActionBar
          label="Sheet actions"
          domain="sheet"
          source="us_sh_reference"
          actions={[{ label: 'Submit', operation: 'submit', primary: true }]}
        />
        <div style={{ inlineSize: 200 }}>
          <ProgressBar value={40} label="Import" />
        </div>
      </main>
    </JobsProvider>
  );
}

const meta = {
  title: 'Reference',
  component: JobsProvider,
  subcomponents: components,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The props of the provider and of every component (one tab each). Every component also takes the HTML attributes of its root.',
      },
    },
  },
} satisfies Meta;
export default meta;

// Not typed by the provider's props: the story renders its own provider, with its own client.
type Story = StoryObj;

/** The provider with two parts in it; the page's props tables list what each one takes. */
export const Overview: Story = {
  render: () => <Example />,
  // The tables come from react-docgen in Storybook's build (the story test run does not attach them).
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Sheet actions' })).toBeVisible();
    await expect(canvas.getByRole('progressbar', { name: 'Import' })).toHaveAttribute('aria-valuenow', '40');
  },
};
