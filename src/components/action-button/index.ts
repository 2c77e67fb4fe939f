export type { ActionButtonClassNames, ActionButtonPart, ActionButtonProps } from './action-button';
export { ActionButton, actionName } from './action-button';
export type { ActionFlow, ActionFlowOptions } from './use-action-flow';
export { useActionFlow } from './use-action-flow';
