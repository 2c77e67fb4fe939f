export type { OutcomeDialogClassNames, OutcomeDialogPart, OutcomeDialogProps } from './outcome-dialog';
export { OutcomeDialog } from './outcome-dialog';
export type { OutcomeMessageProps } from './outcome-message';
export { OutcomeMessage } from './outcome-message';
