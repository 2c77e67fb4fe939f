import { type PartProps, partGetter } from '../shared';

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

export type { PartProps };

export type PartPropsGetter = (part: InputFormDialogPart, className?: string) => PartProps;

/** The slot (`input-form-dialog-{part}`, the content's is `input-form-dialog`), host class and `data-unstyled` of each part. */
export function partProps(
  classNames: Partial<Record<InputFormDialogPart, string>> | undefined,
  unstyled: boolean | undefined,
): PartPropsGetter {
  return partGetter<InputFormDialogPart>('input-form-dialog', { content: 'input-form-dialog' }, classNames, unstyled);
}
