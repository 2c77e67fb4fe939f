export type { InputFormDialogClassNames, InputFormDialogProps } from './input-form-dialog';
export { InputFormDialog } from './input-form-dialog';
export type { InputFormDialogPart } from './parts';
export type { InputFieldIds, UseInputFormOptions, UseInputFormResult } from './use-input-form';
export { useInputForm } from './use-input-form';
