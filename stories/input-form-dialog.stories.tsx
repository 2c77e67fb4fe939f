import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type ColorScheme, type InputForm, InputFormDialog, JobsProvider, useCreateJob } from '../src';
import { createMemoryJobsClient } from '../src/memory';

const exportForm: InputForm = {
  type: 'simple',
  fields: [
    {
      key: 'fileName',
      label: 'File name',
      type: 'string',
      description: 'Without the extension.',
      constraints: [{ type: 'required' }],
    },
    { key: 'note', label: 'Note for the recipient', type: 'textarea' },
    { key: 'limit', label: 'Row limit', type: 'number', description: 'Leave empty to export every row.' },
    { key: 'header', label: 'Include a header row', type: 'boolean' },
    {
      key: 'format',
      label: 'Format',
      type: 'enum',
      constraints: [{ type: 'required' }],
      config: {
        options: [
          { value: 'csv', label: 'CSV', description: 'Opens anywhere.', color: '#2b8a3e' },
          { value: 'xlsx', label: 'Excel', description: 'One tab per sheet.', color: '#1971c2' },
          { value: 3, label: 'Version 3 JSON' },
        ],
      },
    },
    {
      key: 'region',
      label: 'Region',
      type: 'enum',
      config: {
        options: ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Antarctica'].map((value) => ({ value })),
      },
    },
  ],
};

const withDefaults: InputForm = {
  type: 'simple',
  fields: exportForm.fields.map((field) => {
    const defaults: Record<string, unknown> = {
      fileName: 'contacts',
      limit: 1000,
      header: true,
      format: 3,
      region: 'Europe',
    };
    return { ...field, defaultValue: defaults[field.key] };
  }),
};

interface DemoProps {
  form: InputForm;
  description?: string;
  pending?: boolean;
  error?: string;
  colorScheme?: ColorScheme;
  dir?: 'ltr' | 'rtl';
  title?: string;
}

/** The dialog open on a page, with what it last submitted shown behind it. */
function Demo({ form, description, pending, error, colorScheme = 'light', dir, title = 'Export contacts' }: DemoProps) {
  const [client] = useState(() => createMemoryJobsClient());
  const [sent, setSent] = useState<Record<string, unknown>>();
  return (
    <JobsProvider client={client} colorScheme={colorScheme}>
      <main
        dir={dir}
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: 16,
          minHeight: 480,
        }}
      >
        <p>Submitted input: {sent === undefined ? 'nothing yet' : <output>{JSON.stringify(sent)}</output>}</p>
        <InputFormDialog
          title={title}
          description={description}
          form={form}
          pending={pending}
          error={error}
          defaultOpen
          onSubmit={setSent}
        />
      </main>
    </JobsProvider>
  );
}

const meta = {
  title: 'Actions/InputFormDialog',
  component: Demo,
  parameters: { layout: 'fullscreen' },
  args: { form: exportForm, description: 'Choose how the contacts are exported.' },
} satisfies Meta<typeof Demo>;
export default meta;

type Story = StoryObj<typeof meta>;

const body = within(document.body);
const openDialog = (name = 'Export contacts') => body.findByRole('dialog', { name });

/** Every field type: text, textarea, number, checkbox, radios (≤ 5 options) and a select (more). */
export const EveryFieldType: Story = {
  play: async ({ step }) => {
    const dialog = within(await openDialog());
    await step('each field shows as its control', async () => {
      await expect(dialog.getByRole('textbox', { name: 'File name' })).toHaveFocus();
      await expect(dialog.getByRole('textbox', { name: 'Note for the recipient' }).tagName).toBe('TEXTAREA');
      await expect(dialog.getByRole('textbox', { name: 'Row limit' })).toHaveAccessibleDescription(
        'Leave empty to export every row.',
      );
      await expect(dialog.getByRole('checkbox', { name: 'Include a header row' })).not.toBeChecked();
      await expect(within(dialog.getByRole('radiogroup', { name: 'Format' })).getAllByRole('radio')).toHaveLength(3);
      await expect(dialog.getByRole('combobox', { name: 'Region' })).toHaveDisplayValue('Choose…');
    });
    await step('the input arrives typed per field', async () => {
      await userEvent.type(dialog.getByRole('textbox', { name: 'File name' }), 'contacts-2024');
      await userEvent.type(dialog.getByRole('textbox', { name: 'Row limit' }), '250');
      await userEvent.click(dialog.getByRole('checkbox', { name: 'Include a header row' }));
      await userEvent.click(dialog.getByRole('radio', { name: 'Version 3 JSON' }));
      await userEvent.selectOptions(dialog.getByRole('combobox', { name: 'Region' }), 'Asia');
      await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
      await expect(
        await body.findByText('{"fileName":"contacts-2024","limit":250,"header":true,"format":3,"region":"Asia"}'),
      ).toBeInTheDocument();
    });
  },
};

/** Defaults from the config pre-fill the fields; an enum default picks the option with that exact value. */
export const Defaults: Story = {
  args: { form: withDefaults },
  play: async () => {
    const dialog = within(await openDialog());
    await expect(dialog.getByRole('textbox', { name: 'File name' })).toHaveValue('contacts');
    await expect(dialog.getByRole('textbox', { name: 'Row limit' })).toHaveValue('1000');
    await expect(dialog.getByRole('checkbox', { name: 'Include a header row' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'Version 3 JSON' })).toBeChecked();
    await expect(dialog.getByRole('combobox', { name: 'Region' })).toHaveDisplayValue('Europe');
  },
};

/** Submitting with gaps: each error sits under its field, is read with it, and focus goes to the first. */
export const ValidationErrors: Story = {
  play: async () => {
    const dialog = within(await openDialog());
    await userEvent.type(dialog.getByRole('textbox', { name: 'Row limit' }), 'about 300');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    const fileName = dialog.getByRole('textbox', { name: 'File name' });
    await waitFor(() => expect(fileName).toHaveFocus());
    await expect(fileName).toHaveAccessibleDescription('Enter a value for “File name”. Without the extension.');
    await expect(dialog.getByRole('textbox', { name: 'Row limit' })).toHaveAccessibleDescription(
      '“Row limit” must be a number. Leave empty to export every row.',
    );
    await expect(dialog.getByRole('radiogroup', { name: 'Format' })).toHaveAccessibleDescription(
      'Choose an option for “Format”.',
    );
    await expect(body.getByText('Submitted input: nothing yet')).toBeInTheDocument();
  },
};

/** While the job is being created: everything stays in place but locked, and the dialog cannot be dismissed. */
export const Pending: Story = {
  args: { form: withDefaults, pending: true },
  play: async () => {
    const dialog = await openDialog();
    const starting = within(dialog).getByRole('button', { name: 'Starting…' });
    await expect(starting).toHaveAttribute('aria-disabled', 'true');
    await expect(within(dialog).getByRole('textbox', { name: 'File name' })).toHaveAttribute('readonly');
    await userEvent.keyboard('{Escape}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(dialog).toBeInTheDocument();
    await expect(dialog).toHaveAttribute('data-pending');
  },
};

/** A real create call on the memory engine that fails once: the error shows, nothing typed is lost, a retry starts the job. */
function RetryDemo() {
  const [client] = useState(() => createMemoryJobsClient({ latency: 300, faults: { failNext: { create: 1 } } }));
  return (
    <JobsProvider client={client} colorScheme="light">
      <RetryHost />
    </JobsProvider>
  );
}

function RetryHost() {
  const [open, setOpen] = useState(true);
  const create = useCreateJob();
  return (
    <main
      style={{
        fontFamily: 'var(--jk-font)',
        color: 'var(--jk-fg)',
        background: 'var(--jk-bg)',
        padding: 16,
        minHeight: 480,
      }}
    >
      <p>
        {create.data
          ? `Started ${create.data.type}:${create.data.operation} with ${JSON.stringify(create.data.input)}`
          : 'No job yet'}
      </p>
      <InputFormDialog
        title="Export contacts"
        form={exportForm}
        open={open}
        onOpenChange={setOpen}
        pending={create.isPending}
        error={create.error ? `Could not start the export: ${create.error.message}` : undefined}
        onSubmit={(input) =>
          create.mutate(
            { type: 'workbook', operation: 'export', source: 'us_wb_1', input },
            { onSuccess: () => setOpen(false) },
          )
        }
      />
    </main>
  );
}

export const ServerErrorThenRetry: Story = {
  render: () => <RetryDemo />,
  play: async ({ step }) => {
    const dialog = within(await openDialog());
    await step('the first submit fails and keeps the values', async () => {
      await userEvent.type(dialog.getByRole('textbox', { name: 'File name' }), 'contacts');
      await userEvent.click(dialog.getByRole('radio', { name: 'CSV' }));
      await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
      await expect(await dialog.findByRole('button', { name: 'Starting…' })).toHaveAttribute('aria-disabled', 'true');
      await expect(await dialog.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent(
        'Could not start the export',
      );
      await expect(dialog.getByRole('textbox', { name: 'File name' })).toHaveValue('contacts');
    });
    await step('submitting again starts the job', async () => {
      await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
      await expect(
        await body.findByText(
          'Started workbook:export with {"fileName":"contacts","header":false,"format":"csv"}',
          {},
          { timeout: 3000 },
        ),
      ).toBeInTheDocument();
      await waitFor(() => expect(body.queryByRole('dialog')).not.toBeInTheDocument());
    });
  },
};

const arabicForm: InputForm = {
  type: 'simple',
  fields: [
    { key: 'fileName', label: 'اسم الملف', type: 'string', constraints: [{ type: 'required' }] },
    { key: 'header', label: 'تضمين صف العناوين', type: 'boolean', defaultValue: true },
    {
      key: 'format',
      label: 'الصيغة',
      type: 'enum',
      config: {
        options: [
          { value: 'csv', label: 'CSV' },
          { value: 'xlsx', label: 'Excel' },
        ],
      },
    },
  ],
};

/** Right to left: the dialog carries the page's `dir` through its portal and mirrors with logical properties. */
export const RightToLeft: Story = {
  args: { form: arabicForm, dir: 'rtl', title: 'تصدير جهات الاتصال', description: 'اختر طريقة التصدير.' },
  play: async () => {
    const dialog = await openDialog('تصدير جهات الاتصال');
    await expect(getComputedStyle(dialog).direction).toBe('rtl');
    const checkbox = within(dialog).getByRole('checkbox', { name: 'تضمين صف العناوين' });
    const label = checkbox.nextElementSibling as HTMLElement;
    await expect(checkbox.getBoundingClientRect().left).toBeGreaterThan(label.getBoundingClientRect().left);
  },
};

/** The dark scheme, set on the provider: the portalled dialog takes the provider's tokens. */
export const Dark: Story = {
  args: { colorScheme: 'dark', form: withDefaults },
  play: async () => {
    const dialog = await openDialog();
    await expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(23, 25, 30)');
    await expect(getComputedStyle(dialog).color).toBe('rgb(232, 234, 238)');
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'File name' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await expect(await within(dialog).findByText('Enter a value for “File name”.')).toBeVisible();
  },
};
