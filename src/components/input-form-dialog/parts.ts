import { cx, flag } from '../shared';

/** The parts of an `InputFormDialog`, each with its `data-slot` and a `classNames` entry. */
export type InputFormDialogPart =
  | 'overlay'
  | 'content'
  | 'title'
  | 'description'
  | 'form'
  | 'field'
  | 'label'
  | 'required'
  | 'fieldDescription'
  | 'control'
  | 'options'
  | 'option'
  | 'optionLabel'
  | 'optionDescription'
  | 'optionIcon'
  | 'swatch'
  | 'error'
  | 'alert'
  | 'actions'
  | 'cancel'
  | 'submit';

const slots: Record<InputFormDialogPart, string> = {
  overlay: 'input-form-dialog-overlay',
  content: 'input-form-dialog',
  title: 'input-form-dialog-title',
  description: 'input-form-dialog-description',
  form: 'input-form-dialog-form',
  field: 'input-form-dialog-field',
  label: 'input-form-dialog-label',
  required: 'input-form-dialog-required',
  fieldDescription: 'input-form-dialog-field-description',
  control: 'input-form-dialog-control',
  options: 'input-form-dialog-options',
  option: 'input-form-dialog-option',
  optionLabel: 'input-form-dialog-option-label',
  optionDescription: 'input-form-dialog-option-description',
  optionIcon: 'input-form-dialog-option-icon',
  swatch: 'input-form-dialog-swatch',
  error: 'input-form-dialog-error',
  alert: 'input-form-dialog-alert',
  actions: 'input-form-dialog-actions',
  cancel: 'input-form-dialog-cancel',
  submit: 'input-form-dialog-submit',
};

export interface PartProps {
  'data-slot': string;
  'data-unstyled': '' | undefined;
  className: string | undefined;
}

export type PartPropsGetter = (part: InputFormDialogPart, className?: string) => PartProps;

/** The slot, host class and `data-unstyled` of each part. */
export function partProps(
  classNames: Partial<Record<InputFormDialogPart, string>> | undefined,
  unstyled: boolean | undefined,
): PartPropsGetter {
  return (part, className) => ({
    'data-slot': slots[part],
    'data-unstyled': flag(unstyled),
    className: cx(classNames?.[part], className),
  });
}
