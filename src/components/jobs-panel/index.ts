export type { JobsPanelClassNames, JobsPanelHandle, JobsPanelProps } from './jobs-panel';
export { JobsPanel } from './jobs-panel';
export type { JobsPanelRowProps } from './jobs-panel-row';
export { JobsPanelRow } from './jobs-panel-row';
export type { JobsPanelJob, JobsPanelPart, JobsPanelPartGetter, JobsPanelPartProps } from './parts';
export { selectPanelJob } from './parts';
export type { KeyboardShortcut } from './shortcut';
export { matchesShortcut } from './shortcut';
