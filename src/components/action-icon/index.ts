export type { ActionIconProps } from './action-icon';
export { ActionIcon, hasActionIcon, LightningBolt } from './action-icon';
