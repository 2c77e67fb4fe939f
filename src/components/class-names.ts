import type { ActionBarClassNames } from './action-bar';
import type { ActionButtonClassNames } from './action-button';
import type { ActionIconClassNames } from './action-icon';
import type { ActionMenuClassNames } from './action-menu';
import type { ConfirmDialogClassNames } from './confirm-dialog';
import type { InputFormDialogClassNames } from './input-form-dialog';
import type { JobNoticesClassNames } from './job-notices';
import type { JobsIndicatorClassNames } from './jobs-indicator';
import type { JobsPanelClassNames } from './jobs-panel';
import type { OutcomeDialogClassNames } from './outcome-dialog';
import type { ProgressBarClassNames } from './progress-bar';
import type { ProgressOverlayClassNames } from './progress-overlay';
import type { TooltipClassNames } from './tooltip';

/**
 * Part classes for every instance of each component, by component name: the provider's `classNames`.
 * A component's own `classNames` win, part by part (and composed parts, e.g. `ActionButton.confirmDialog`,
 * merge the same way one level down).
 */
export interface KitClassNames {
  ActionBar?: ActionBarClassNames;
  ActionButton?: ActionButtonClassNames;
  ActionIcon?: ActionIconClassNames;
  ActionMenu?: ActionMenuClassNames;
  ConfirmDialog?: ConfirmDialogClassNames;
  InputFormDialog?: InputFormDialogClassNames;
  JobNotices?: JobNoticesClassNames;
  JobsIndicator?: JobsIndicatorClassNames;
  JobsPanel?: JobsPanelClassNames;
  OutcomeDialog?: OutcomeDialogClassNames;
  ProgressBar?: ProgressBarClassNames;
  ProgressOverlay?: ProgressOverlayClassNames;
  Tooltip?: TooltipClassNames;
}
