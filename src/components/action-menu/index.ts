export type { ActionMenuClassNames, ActionMenuItem, ActionMenuPart, ActionMenuProps } from './action-menu';
export { ActionMenu } from './action-menu';
export type { NavigableItem } from './navigation';
export type { UseActionMenuItem, UseActionMenuOptions, UseActionMenuResult } from './use-action-menu';
export { useActionMenu } from './use-action-menu';
