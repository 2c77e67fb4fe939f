export type { ConfirmDialogClassNames, ConfirmDialogPart, ConfirmDialogProps } from './confirm-dialog';
export { ConfirmDialog } from './confirm-dialog';
