export type { ConfirmDialogPart, ConfirmDialogProps } from './confirm-dialog';
export { ConfirmDialog } from './confirm-dialog';
