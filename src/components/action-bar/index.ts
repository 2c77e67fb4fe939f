export type { ActionBarClassNames, ActionBarPart, ActionBarProps } from './action-bar';
export { ActionBar } from './action-bar';
