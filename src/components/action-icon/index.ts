export type { ActionIconClassNames, ActionIconPart, ActionIconProps } from './action-icon';
export { ActionIcon, hasActionIcon, LightningBolt } from './action-icon';
