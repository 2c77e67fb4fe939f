import { type CSSProperties, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Action, ActionContextState, Job } from '../../core';
import { useJobsConfig } from '../../react/context';
import { describeActionState } from '../../react/use-action-state';
import type { RunActionTarget } from '../../react/use-run-action';
import { useActiveSourceJobs } from '../../react/use-source-jobs';
import { ActionButton, type ActionButtonClassNames, actionName } from '../action-button';
import { type ActionFlowClassNames, useActionFlow } from '../action-button/use-action-flow';
import { ActionIcon, hasActionIcon } from '../action-icon';
import { ActionMenu, type ActionMenuClassNames, type ActionMenuItem } from '../action-menu';
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

export type ActionBarPart = 'root' | 'menu';

/**
 * A class for each part (`menu` is the overflow menu's root), for the primary buttons (`actionButton`), the
 * overflow menu's parts (`actionMenu`), and the dialogs and inline error of the actions run from the menu.
 */
export type ActionBarClassNames = PartClassNames<ActionBarPart> &
  ActionFlowClassNames & { actionButton?: ActionButtonClassNames; actionMenu?: ActionMenuClassNames };

interface ActionBarOwnProps extends RunActionTarget {
  /** The Flatfile actions, in their configured order. */
  actions: Action[];
  state?: ActionContextState;
  onJobCreated?(job: Job): void;
  /** Accessible name of the bar (a labelled group). */
  label?: string;
  /** Accessible name of the overflow menu's button. */
  menuLabel?: string;
  className?: string;
  style?: CSSProperties;
  classNames?: ActionBarClassNames;
  unstyled?: boolean;
  /** Where its dialogs, menu and tooltips mount; the document's body by default. */
  container?: PortalContainer;
}

export interface ActionBarProps extends ActionBarOwnProps, RootAttributes<HTMLDivElement, ActionBarOwnProps> {}

const ownKeys: OwnKeys<ActionBarOwnProps> = {
  actions: true,
  state: true,
  onJobCreated: true,
  label: true,
  menuLabel: true,
  domain: true,
  source: true,
  subject: true,
  className: true,
  style: true,
  classNames: true,
  unstyled: true,
  container: true,
};

/**
 * A set of actions placed as Flatfile places them: primary actions as buttons, the others in an overflow
 * menu, each group in its configured order. Every action behaves as an `ActionButton` would.
 */
export function ActionBar(props: ActionBarProps): ReactNode {
  const { actions, state = {}, onJobCreated, domain, source, subject } = props;
  const config = useJobsConfig('ActionBar');
  const { classNames, unstyled, container } = useStyling('ActionBar', props);
  const composed = {
    ...(unstyled === undefined ? {} : { unstyled }),
    ...(container === undefined ? {} : { container }),
  };
  const jobs = useActiveSourceJobs(source);
  const list = Array.isArray(actions) ? actions.filter((a): a is Action => typeof a === 'object' && a !== null) : [];
  const primary = list.filter((a) => a.primary === true);
  const secondary = list.filter((a) => a.primary !== true);
  const target = useMemo(
    () => ({ domain, source, ...(subject === undefined ? {} : { subject }) }),
    [domain, source, subject],
  );

  // The menu's action runs through one flow, mounted here so its dialog outlives the closed menu.
  const [chosen, setChosen] = useState<{ action: Action; nonce: number }>();
  const flow = useActionFlow({
    action: chosen?.action,
    target,
    state,
    ...(onJobCreated === undefined ? {} : { onJobCreated }),
    ...composed,
    classNames,
  });
  const { begin } = flow;
  useEffect(() => {
    if (chosen !== undefined) begin();
  }, [chosen, begin]);

  const items: ActionMenuItem[] = secondary.map((action, index) => {
    const status = describeActionState(action, state, { domain, source }, jobs, config);
    const item: ActionMenuItem = {
      id: `${index}:${action.operation ?? action.slug ?? ''}`,
      label: actionName(action, config.translate, config.t('job.untitled')),
      disabled: !status.enabled || flow.pending,
      onSelect: () => setChosen({ action, nonce: Date.now() }),
    };
    if (hasActionIcon(action.icon))
      item.icon = <ActionIcon name={action.icon} {...(unstyled === undefined ? {} : { unstyled })} />;
    if (status.reasonText !== undefined) item.disabledReason = status.reasonText;
    else if (status.tooltip !== undefined) item.tooltip = status.tooltip;
    return item;
  });

  const u = flag(unstyled);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of buttons, not a form: a fieldset would bring form semantics and its own box
    <div
      {...restOf(props, ownKeys)}
      role="group"
      aria-label={props.label}
      data-jk=""
      data-slot="action-bar"
      data-unstyled={u}
      className={clsx(classNames.root, props.className)}
      style={props.style}
    >
      {primary.map((action, index) => (
        <ActionButton
          // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id of their own; their place and operation tell them apart
          key={`${index}:${action.operation ?? action.slug ?? ''}`}
          action={action}
          state={state}
          {...target}
          {...(onJobCreated === undefined ? {} : { onJobCreated })}
          {...composed}
          {...(classNames.actionButton === undefined ? {} : { classNames: classNames.actionButton })}
        />
      ))}
      {items.length > 0 ? (
        <ActionMenu
          items={items}
          align="end"
          {...(props.menuLabel === undefined ? {} : { label: props.menuLabel })}
          {...composed}
          {...(classNames.menu === undefined ? {} : { className: classNames.menu })}
          {...(classNames.actionMenu === undefined ? {} : { classNames: classNames.actionMenu })}
        />
      ) : null}
      {flow.element}
    </div>
  );
}
