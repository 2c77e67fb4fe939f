export type { TooltipClassNames, TooltipPart, TooltipProps, TooltipSide, TooltipTone } from './tooltip';
export { Tooltip } from './tooltip';
export type { UseTooltipOptions, UseTooltipResult } from './use-tooltip';
export { TOOLTIP_CLOSE_DELAY, TOOLTIP_OPEN_DELAY, useTooltip } from './use-tooltip';
