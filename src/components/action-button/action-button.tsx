import type { CSSProperties, ReactNode } from 'react';
import type { Action, ActionContextState, Job } from '../../core';
import { actionMode } from '../../core';
import { useJobsConfig } from '../../react/context';
import { useActionState } from '../../react/use-action-state';
import type { RunActionTarget } from '../../react/use-run-action';
import { ActionIcon, type ActionIconClassNames, hasActionIcon } from '../action-icon';
import { clsx } from 'clsx';
import {
  flag,
  type PartClassNames,
  type PortalContainer,
  type RootAttributes,
  type OwnKeys,
  restOf,
  useStyling,
} from '../shared';
import { Tooltip, type TooltipClassNames } from '../tooltip';
import { type ActionFlowClassNames, useActionFlow } from './use-action-flow';

export type ActionButtonPart = 'root' | 'button' | 'label';

/**
 * A class for each part, and for what the button composes: its tooltip, its icon, the confirm and form
 * dialogs, and the inline error (`error`, `errorMessage`, `errorRetry`, `errorDismiss`).
 */
export type ActionButtonClassNames = PartClassNames<ActionButtonPart> &
  ActionFlowClassNames & { tooltip?: TooltipClassNames; icon?: ActionIconClassNames };

interface ActionButtonOwnProps extends RunActionTarget {
  /** The Flatfile action, as configured. */
  action: Action;
  /** What the constraints read: has data, all valid, selection, column enabled. */
  state?: ActionContextState;
  /** Called with the job once it is created. */
  onJobCreated?(job: Job): void;
  className?: string;
  style?: CSSProperties;
  classNames?: ActionButtonClassNames;
  unstyled?: boolean;
  /** Where its dialogs and tooltip mount; the document's body by default. */
  container?: PortalContainer;
}

export interface ActionButtonProps
  extends ActionButtonOwnProps,
    RootAttributes<HTMLSpanElement, ActionButtonOwnProps> {}

const ownKeys: OwnKeys<ActionButtonOwnProps> = {
  action: true,
  state: true,
  onJobCreated: true,
  domain: true,
  source: true,
  subject: true,
  className: true,
  style: true,
  classNames: true,
  unstyled: true,
  container: true,
};

/** The accessible name of an action: its label, or for an icon-only action its tooltip or operation. */
export function actionName(action: Action, translate: (text: string) => string, fallback: string): string {
  for (const text of [action.label, action.tooltip, action.description, action.operation, action.slug]) {
    if (typeof text === 'string' && text.trim() !== '') return translate(text);
  }
  return fallback;
}

/**
 * One action as a button. A disabled action stays focusable (`aria-disabled`) and says why in a tooltip
 * that keyboard users reach too.
 */
export function ActionButton(props: ActionButtonProps): ReactNode {
  const { action, state, onJobCreated } = props;
  const { translate, t } = useJobsConfig('ActionButton');
  const { classNames, unstyled, container } = useStyling('ActionButton', props);
  const composed = {
    ...(unstyled === undefined ? {} : { unstyled }),
    ...(container === undefined ? {} : { container }),
  };
  const { domain, source, subject } = props;
  const status = useActionState(action, state, { domain, source });
  const flow = useActionFlow({
    action,
    target: { domain, source, ...(subject === undefined ? {} : { subject }) },
    ...(state === undefined ? {} : { state }),
    ...(onJobCreated === undefined ? {} : { onJobCreated }),
    ...composed,
    classNames,
  });
  const label = typeof action.label === 'string' ? translate(action.label) : '';
  const iconOnly = label.trim() === '';
  const u = flag(unstyled);
  const disabled = !status.enabled;
  const partState = flow.pending ? 'pending' : disabled ? 'disabled' : 'idle';
  return (
    <span
      {...restOf(props, ownKeys)}
      data-jk=""
      data-slot="action-button-root"
      data-state={partState}
      data-unstyled={u}
      className={clsx(classNames.root, props.className)}
      style={props.style}
    >
      <Tooltip
        content={status.tooltip}
        tone={disabled ? 'error' : 'info'}
        {...composed}
        {...(classNames.tooltip === undefined ? {} : { classNames: classNames.tooltip })}
      >
        <button
          type="button"
          data-jk=""
          data-slot="action-button"
          data-primary={flag(action.primary)}
          data-mode={actionMode(action)}
          data-disabled={flag(disabled)}
          data-pending={flag(flow.pending)}
          data-state={partState}
          data-icon-only={flag(iconOnly)}
          data-unstyled={u}
          className={classNames.button}
          aria-disabled={disabled || flow.pending || undefined}
          aria-busy={flow.pending || undefined}
          aria-label={iconOnly ? actionName(action, translate, t('job.untitled')) : undefined}
          onClick={() => {
            if (!disabled && !flow.pending) flow.begin();
          }}
        >
          {hasActionIcon(action.icon) || iconOnly ? (
            <ActionIcon
              name={iconOnly && action.icon === 'none' ? undefined : action.icon}
              {...(unstyled === undefined ? {} : { unstyled })}
              {...(classNames.icon === undefined ? {} : { classNames: classNames.icon })}
            />
          ) : null}
          {iconOnly ? null : (
            <span
              data-jk=""
              data-slot="action-button-label"
              data-state={partState}
              data-unstyled={u}
              className={classNames.label}
            >
              {flow.pending ? t('action.starting') : label}
            </span>
          )}
        </button>
      </Tooltip>
      {flow.element}
    </span>
  );
}
