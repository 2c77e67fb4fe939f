import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputFormDialog, type InputFormDialogProps } from '../../src/components';
import type { InputField, InputForm } from '../../src/core';
import { createMemoryJobsClient } from '../../src/memory';
import { JobsProvider, type JobsProviderProps } from '../../src/react';

const client = createMemoryJobsClient();
const sizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL'].map((value) => ({ value }));

const everyType: InputForm = {
  type: 'simple',
  fields: [
    {
      key: 'name',
      label: 'File name',
      type: 'string',
      description: 'Without extension',
      constraints: [{ type: 'required' }],
    },
    { key: 'notes', label: 'Notes', type: 'textarea' },
    { key: 'limit', label: 'Row limit', type: 'number' },
    { key: 'header', label: 'Include header', type: 'boolean' },
    {
      key: 'tier',
      label: 'Tier',
      type: 'enum',
      config: {
        options: [
          { value: 'gold', label: 'Gold', description: 'Fastest', color: '#d4a017' },
          { value: 3, label: 'Three' },
          { value: false },
        ],
      },
    },
    { key: 'size', label: 'Size', type: 'enum', config: { options: sizes } },
  ],
};

type DialogProps = Partial<InputFormDialogProps> & { provider?: Partial<JobsProviderProps> };

function renderDialog({ provider, ...props }: DialogProps = {}) {
  const onSubmit = vi.fn();
  const onOpenChange = vi.fn();
  const ui = (extra: Partial<InputFormDialogProps> = {}): ReactNode => (
    <JobsProvider client={client} {...provider}>
      <InputFormDialog
        title="Export"
        form={everyType}
        defaultOpen
        onSubmit={onSubmit}
        onOpenChange={onOpenChange}
        {...props}
        {...extra}
      />
    </JobsProvider>
  );
  const result = render(ui());
  return {
    ...result,
    onSubmit,
    onOpenChange,
    rerenderWith: (extra: Partial<InputFormDialogProps>) => result.rerender(ui(extra)),
  };
}

const dialog = () => screen.getByRole('dialog', { name: 'Export' });
const submit = () => screen.getByRole('button', { name: 'Continue' });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('InputFormDialog', () => {
  it('renders every field type with its label, the action label as title and the description', () => {
    renderDialog({ description: 'Choose what to export.' });
    expect(dialog()).toHaveAccessibleDescription('Choose what to export.');
    expect(screen.getByRole('textbox', { name: 'File name' })).toHaveAccessibleDescription('Without extension');
    expect(screen.getByRole('textbox', { name: 'Notes' }).tagName).toBe('TEXTAREA');
    expect(screen.getByRole('textbox', { name: 'Row limit' })).toHaveAttribute('inputmode', 'decimal');
    expect(screen.getByRole('checkbox', { name: 'Include header' })).not.toBeChecked();
    const tier = screen.getByRole('radiogroup', { name: 'Tier' });
    expect(
      within(tier)
        .getAllByRole('radio')
        .map((radio) => radio.closest('div')?.textContent),
    ).toEqual(['GoldFastest', 'Three', 'false']);
    expect(within(tier).getByRole('radio', { name: 'Gold' })).toHaveAccessibleDescription('Fastest');
    const size = screen.getByRole('combobox', { name: 'Size' });
    expect(
      within(size)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose…', ...sizes.map((s) => s.value)]);
  });

  it('starts focus on the first field and marks required fields visibly and for assistive tech', () => {
    renderDialog();
    const name = screen.getByRole('textbox', { name: 'File name' });
    expect(name).toHaveFocus();
    expect(name).toBeRequired();
    expect(name.closest('[data-slot="input-form-dialog-field"]')).toHaveTextContent('Required');
    expect(screen.getByRole('textbox', { name: 'Notes' })).not.toBeRequired();
  });

  it('pre-fills the defaults', () => {
    const fields: InputField[] = [
      { key: 'name', label: 'Name', type: 'string', defaultValue: 'export.csv' },
      { key: 'limit', label: 'Limit', type: 'number', defaultValue: 500 },
      { key: 'header', label: 'Header', type: 'boolean', defaultValue: true },
      {
        key: 'tier',
        label: 'Tier',
        type: 'enum',
        defaultValue: 3,
        config: {
          options: [
            { value: '3', label: 'Text three' },
            { value: 3, label: 'Number three' },
          ],
        },
      },
      { key: 'size', label: 'Size', type: 'enum', defaultValue: 'L', config: { options: sizes } },
    ];
    renderDialog({ form: { type: 'simple', fields } });
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('export.csv');
    expect(screen.getByRole('textbox', { name: 'Limit' })).toHaveValue('500');
    expect(screen.getByRole('checkbox', { name: 'Header' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Number three' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Size' })).toHaveDisplayValue('L');
  });

  it('submits the input typed per field: number, option value with its type, boolean', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'File name' }), 'people');
    await user.type(screen.getByRole('textbox', { name: 'Row limit' }), '1.5e3');
    await user.click(screen.getByRole('checkbox', { name: 'Include header' }));
    await user.click(screen.getByRole('radio', { name: 'Three' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Size' }), 'XL');
    await user.click(submit());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ name: 'people', limit: 1500, header: true, tier: 3, size: 'XL' });
  });

  it('ties required and number errors to their fields and focuses the first invalid one', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'Row limit' }), 'many');
    await user.click(submit());
    expect(onSubmit).not.toHaveBeenCalled();
    const name = screen.getByRole('textbox', { name: 'File name' });
    expect(name).toHaveFocus();
    expect(name).toBeInvalid();
    expect(name).toHaveAccessibleDescription('Enter a value for “File name”. Without extension');
    const limit = screen.getByRole('textbox', { name: 'Row limit' });
    expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect(limit).toHaveAccessibleDescription('“Row limit” must be a number.');
    expect(limit).toHaveValue('many');
    expect(dialog()).toHaveAttribute('data-invalid');
  });

  it('asks for a choice in a required enum and clears an error when its field is edited', async () => {
    const user = userEvent.setup();
    const form: InputForm = {
      type: 'simple',
      fields: [{ ...everyType.fields[4], constraints: [{ type: 'required' }] } as InputField],
    };
    renderDialog({ form });
    await user.click(submit());
    const group = screen.getByRole('radiogroup', { name: 'Tier' });
    expect(group).toHaveAccessibleDescription('Choose an option for “Tier”.');
    expect(screen.getByRole('radio', { name: 'Gold' })).toHaveFocus();
    await user.click(screen.getByRole('radio', { name: 'Three' }));
    expect(group).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Choose an option for “Tier”.')).not.toBeInTheDocument();
  });

  it('submits with Enter in a text input; in a textarea Enter is a newline and Ctrl+Enter submits', async () => {
    const user = userEvent.setup();
    const { onSubmit, rerenderWith } = renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'File name' }), 'people');
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'one{Enter}two');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ notes: 'one\ntwo' }));
    rerenderWith({ error: 'Server down' });
    await user.type(screen.getByRole('textbox', { name: 'File name' }), '{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('cancels with Escape and with the Cancel button', async () => {
    const user = userEvent.setup();
    const { onOpenChange } = renderDialog();
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const other = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(other.onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('while pending, locks the fields and cannot be dismissed or submitted', async () => {
    const user = userEvent.setup();
    const { onSubmit, onOpenChange } = renderDialog({ pending: true });
    const name = screen.getByRole('textbox', { name: 'File name' });
    expect(name).toHaveAttribute('readonly');
    expect(name).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('checkbox', { name: 'Include header' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('checkbox', { name: 'Include header' }));
    expect(screen.getByRole('checkbox', { name: 'Include header' })).not.toBeChecked();
    const starting = screen.getByRole('button', { name: 'Starting…' });
    expect(starting).toHaveAttribute('aria-disabled', 'true');
    expect(dialog()).toHaveAttribute('data-pending');
    await user.click(starting);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(dialog()).toBeInTheDocument();
  });

  it('calls onSubmit once for a double click, until pending or error changes', async () => {
    const user = userEvent.setup();
    const { onSubmit, rerenderWith } = renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'File name' }), 'people');
    await user.dblClick(submit());
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    rerenderWith({ pending: true });
    rerenderWith({ pending: false, error: 'Network error' });
    await user.click(submit());
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('shows a failed submit as an alert, keeps the values and retries', async () => {
    const user = userEvent.setup();
    const { onSubmit, rerenderWith } = renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'File name' }), 'people');
    await user.click(screen.getByRole('checkbox', { name: 'Include header' }));
    await user.click(submit());
    rerenderWith({ pending: true });
    rerenderWith({ pending: false, error: 'The server is unavailable.' });
    expect(screen.getByRole('alert')).toHaveTextContent('The server is unavailable.');
    expect(screen.getByRole('textbox', { name: 'File name' })).toHaveValue('people');
    expect(screen.getByRole('checkbox', { name: 'Include header' })).toBeChecked();
    await user.click(submit());
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(onSubmit).toHaveBeenLastCalledWith({ name: 'people', header: true });
  });

  it('starts from the defaults again when reopened', async () => {
    const user = userEvent.setup();
    const { rerenderWith } = renderDialog({ open: true });
    await user.type(screen.getByRole('textbox', { name: 'File name' }), 'people');
    rerenderWith({ open: false });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    rerenderWith({ open: true });
    expect(screen.getByRole('textbox', { name: 'File name' })).toHaveValue('');
  });

  it('translates config text and shows it as text, never HTML', () => {
    const form: InputForm = {
      type: 'simple',
      fields: [{ key: 'k', label: 'label.key', description: '<b>bold</b>', type: 'string' }],
    };
    renderDialog({ form, provider: { translate: (key) => (key === 'label.key' ? 'Translated' : undefined) } });
    expect(screen.getByRole('textbox', { name: 'Translated' })).toHaveAccessibleDescription('<b>bold</b>');
    expect(dialog().querySelector('b')).toBeNull();
  });

  it('decorates options with a colour swatch and the host icon, hidden from assistive tech', () => {
    const options = [
      { value: 'a', label: 'Alpha', icon: 'star', color: 'red' },
      { value: 'b', label: 'Beta', icon: '__proto__' },
    ];
    const form: InputForm = {
      type: 'simple',
      fields: [{ key: 'k', label: 'Pick', type: 'enum', config: { options } }],
    };
    renderDialog({ form, provider: { icons: { star: <svg data-testid="star" /> } } });
    expect(screen.getByRole('radio', { name: 'Alpha' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Beta' })).toBeInTheDocument();
    expect(screen.getByTestId('star').parentElement).toHaveAttribute('aria-hidden', 'true');
    expect(document.querySelector('[data-slot="input-form-dialog-swatch"]')).toHaveStyle({
      backgroundColor: 'rgb(255, 0, 0)',
    });
  });

  it('renders an unknown field type as a text input and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const form = (): InputForm => ({ type: 'simple', fields: [{ key: 'shade', label: 'Shade', type: 'color' }] });
    const { rerenderWith } = renderDialog({ form: form() });
    rerenderWith({ form: form() });
    expect(screen.getByRole('textbox', { name: 'Shade' })).toHaveAttribute('type', 'text');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('field "shade" has an unknown type "color"'));
  });

  it('renders a malformed form without crashing and says what is wrong', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const user = userEvent.setup();
    const form = {
      type: 'simple',
      fields: [
        null,
        { key: 'tier', label: 'Tier', type: 'enum' },
        { key: 'tier', label: 'Again', type: 'string' },
        { key: 'n', type: 'number' },
      ],
    } as unknown as InputForm;
    const { onSubmit } = renderDialog({ form });
    expect(screen.getByRole('combobox', { name: 'Tier' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Again' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'n' })).toBeInTheDocument();
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toContain('enum field "tier" has no options');
    expect(message).toContain('field "tier" appears more than once');
    await user.click(submit());
    expect(onSubmit).toHaveBeenCalledWith({});
  });

  it('marks every part with data-slot, and data-unstyled when unstyled', () => {
    renderDialog({ unstyled: true, classNames: { submit: 'host-submit' } });
    expect(dialog()).toHaveAttribute('data-slot', 'input-form-dialog');
    expect(dialog()).toHaveAttribute('data-state', 'open');
    expect(dialog()).not.toHaveAttribute('data-pending');
    expect(submit()).toHaveClass('host-submit');
    const parts = document.querySelectorAll(
      '[data-slot^="input-form-dialog"]:not([data-slot="input-form-dialog-anchor"])',
    );
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(part).toHaveAttribute('data-unstyled', '');
  });
});
