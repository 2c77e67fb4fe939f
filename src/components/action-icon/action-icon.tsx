import type { CSSProperties, ReactNode } from 'react';
import { useJobsConfig } from '../../react/context';
import { clsx } from 'clsx';
import { flag, type PartClassNames, type RootAttributes, useStyling } from '../shared';

export type ActionIconPart = 'root';
export type ActionIconClassNames = PartClassNames<ActionIconPart>;

interface ActionIconOwnProps {
  /** A Flatfile design-system icon name (`action.icon`); `'none'` shows nothing. */
  name: string | undefined;
  className?: string;
  style?: CSSProperties;
  classNames?: ActionIconClassNames;
  unstyled?: boolean;
}

export interface ActionIconProps extends ActionIconOwnProps, RootAttributes<HTMLSpanElement, ActionIconOwnProps> {}

/** False only for `'none'`, the name Flatfile uses to hide an action's icon. */
export function hasActionIcon(name: string | undefined): boolean {
  return name !== 'none';
}

/** Flatfile's default action icon: a lightning bolt in the current colour, 1em square. */
export function LightningBolt(): ReactNode {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">
      <path d="M9.3 1 3 9.2h4.2L6.4 15 13 6.6H8.7L9.3 1Z" />
    </svg>
  );
}

/**
 * The icon of an action: the host's icon for that name (the provider's `icons`), else a lightning bolt.
 * Decorative only (`aria-hidden`): the button or menu item it sits in carries the name.
 */
export function ActionIcon({
  name,
  className,
  style,
  classNames: ownClassNames,
  unstyled: ownUnstyled,
  ...rest
}: ActionIconProps): ReactNode {
  const { icons } = useJobsConfig('ActionIcon');
  const { classNames, unstyled } = useStyling('ActionIcon', { classNames: ownClassNames, unstyled: ownUnstyled });
  if (!hasActionIcon(name)) return null;
  const mapped = name !== undefined && Object.hasOwn(icons, name) ? icons[name] : undefined;
  const fallback = mapped === undefined || mapped === null;
  return (
    <span
      {...rest}
      aria-hidden="true"
      data-jk=""
      data-slot="action-icon"
      data-icon={name}
      data-default={flag(fallback)}
      data-unstyled={flag(unstyled)}
      className={clsx(classNames.root, className) || undefined}
      style={style}
    >
      {fallback ? <LightningBolt /> : mapped}
    </span>
  );
}
