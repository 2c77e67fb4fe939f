import { type ComponentPropsWithoutRef, Fragment, type ReactNode } from 'react';

export interface OutcomeMessageProps extends Omit<ComponentPropsWithoutRef<'p'>, 'children'> {
  /** Plain text from the job; never read as HTML. */
  text: string;
}

/**
 * An outcome's message as text, its line breaks kept as `<br>` (so they hold without the stylesheet,
 * which adds `white-space: pre-line`).
 */
export function OutcomeMessage({ text, ...rest }: OutcomeMessageProps): ReactNode {
  const lines = text.split(/\r\n|\r|\n/);
  return (
    <p {...rest}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one text, in order
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </p>
  );
}
