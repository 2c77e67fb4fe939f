import type { CSSProperties, ReactNode } from 'react';
import { useJobsConfig } from '../../react/context';
import { clsx } from 'clsx';
import {
  FloatingPortal,
  flag,
  type PartClassNames,
  type PortalContainer,
  type RootAttributes,
  useStyling,
} from '../shared';
import { useActionMenu } from './use-action-menu';

export interface ActionMenuItem {
  id: string;
  label: string;
  icon?: ReactNode;
  /** Stays in the menu and focusable (`aria-disabled`), but selecting it does nothing. */
  disabled?: boolean;
  /** Why it is disabled: shown under the label and linked as its description. */
  disabledReason?: string;
  /** A description for an enabled item, shown the same way. */
  tooltip?: string;
  danger?: boolean;
  onSelect(): void;
}

export type ActionMenuPart =
  | 'root'
  | 'trigger'
  | 'menu'
  | 'item'
  | 'itemIcon'
  | 'itemText'
  | 'itemLabel'
  | 'itemDescription';
export type ActionMenuClassNames = PartClassNames<ActionMenuPart>;

interface ActionMenuOwnProps {
  items: ActionMenuItem[];
  /** The trigger's accessible name. Default: the catalogue's `action.moreActions` ("More actions"). */
  label?: string;
  /** Replaces the default kebab icon; the trigger is then named by `aria-label`. */
  triggerContent?: ReactNode;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  /** Which edge of the trigger the menu lines up with, in the writing direction. Default `end`. */
  align?: 'start' | 'end';
  className?: string;
  style?: CSSProperties;
  classNames?: ActionMenuClassNames;
  unstyled?: boolean;
  /** Where the menu is mounted; the document's body by default. */
  container?: PortalContainer;
}

export interface ActionMenuProps extends ActionMenuOwnProps, RootAttributes<HTMLDivElement, ActionMenuOwnProps> {}

/** A horizontal ellipsis ("⋯") in the current colour. */
function KebabIcon(): ReactNode {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">
      <circle cx="3" cy="8" r="1.5" />
      <circle cx="8" cy="8" r="1.5" />
      <circle cx="13" cy="8" r="1.5" />
    </svg>
  );
}

/** What an item says under its label: why it is disabled, else its tooltip. */
function descriptionOf(item: ActionMenuItem): string | undefined {
  const text = item.disabled ? (item.disabledReason ?? item.tooltip) : item.tooltip;
  return text === '' ? undefined : text;
}

/**
 * The overflow menu of actions: a menu button (WAI-ARIA pattern) whose menu is portalled (so no
 * `overflow: hidden` ancestor clips it) and placed under the trigger, or above it when there is no room,
 * limited to the viewport's height (it scrolls), following the trigger while open. Disabled items stay in the menu, focusable, with their reason as visible text and description.
 */
export function ActionMenu({
  items,
  label,
  triggerContent,
  open: openProp,
  defaultOpen,
  onOpenChange,
  align = 'end',
  className,
  style,
  classNames: ownClassNames,
  unstyled: ownUnstyled,
  container: ownContainer,
  ...rest
}: ActionMenuProps): ReactNode {
  const { classNames, unstyled, container } = useStyling('ActionMenu', {
    classNames: ownClassNames,
    unstyled: ownUnstyled,
    container: ownContainer,
  });
  const { t, locale } = useJobsConfig('ActionMenu');
  const menu = useActionMenu({ items, open: openProp, defaultOpen, onOpenChange, locale, align });
  const name = label ?? t('action.moreActions');
  const state = menu.open ? 'open' : 'closed';
  const unstyledFlag = flag(unstyled);
  return (
    <div
      {...rest}
      ref={menu.rootRef}
      data-jk=""
      data-slot="action-menu"
      data-state={state}
      data-unstyled={unstyledFlag}
      className={clsx(className, classNames?.root)}
      style={style}
    >
      <button
        {...menu.triggerProps}
        aria-label={triggerContent === undefined ? undefined : name}
        data-jk=""
        data-slot="action-menu-trigger"
        data-state={state}
        data-unstyled={unstyledFlag}
        className={classNames?.trigger}
      >
        {triggerContent ?? (
          <>
            <KebabIcon />
            <span data-jk="" data-slot="visually-hidden">
              {name}
            </span>
          </>
        )}
      </button>
      <FloatingPortal container={container} dir={menu.dir}>
        <div
          {...menu.menuProps}
          data-jk=""
          data-slot="action-menu-content"
          data-state={state}
          data-align={align}
          data-side={menu.side}
          data-unstyled={unstyledFlag}
          className={classNames?.menu}
        >
          {items.map((item, index) => {
            const props = menu.getItemProps(item, index);
            const description = descriptionOf(item);
            return (
              <div
                key={item.id}
                {...props}
                aria-describedby={description === undefined ? undefined : `${props.id}-description`}
                data-jk=""
                data-slot="action-menu-item"
                data-disabled={flag(item.disabled)}
                data-highlighted={flag(menu.highlightedId === item.id)}
                data-danger={flag(item.danger)}
                data-unstyled={unstyledFlag}
                className={classNames?.item}
              >
                {item.icon === undefined || item.icon === null ? null : (
                  <span
                    data-jk=""
                    data-slot="action-menu-item-icon"
                    data-unstyled={unstyledFlag}
                    className={classNames.itemIcon}
                    aria-hidden="true"
                  >
                    {item.icon}
                  </span>
                )}
                <span
                  data-jk=""
                  data-slot="action-menu-item-text"
                  data-unstyled={unstyledFlag}
                  className={classNames.itemText}
                >
                  <span
                    data-jk=""
                    data-slot="action-menu-item-label"
                    data-unstyled={unstyledFlag}
                    className={classNames.itemLabel}
                  >
                    {item.label}
                  </span>
                  {description === undefined ? null : (
                    // Hidden from the name (which is the label alone), read as the description instead.
                    <span
                      id={`${props.id}-description`}
                      aria-hidden="true"
                      data-jk=""
                      data-slot="action-menu-item-description"
                      data-unstyled={unstyledFlag}
                      className={classNames.itemDescription}
                    >
                      {description}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </FloatingPortal>
    </div>
  );
}
