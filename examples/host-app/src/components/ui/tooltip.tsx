import type { ComponentProps, ReactNode } from 'react';

/**
 * A shadcn/ui-style tooltip: parts named by `data-slot`, styled with Tailwind utilities. Jobkit's stylesheet
 * styles its own `tooltip-content` too; it must leave this one alone. Always shown here, so the check can
 * read its computed style.
 */
export function TooltipContent({ className, children, ...props }: ComponentProps<'div'>): ReactNode {
  const classes = ['w-fit rounded-md bg-zinc-900 px-3 py-1.5 text-xs text-white', className].filter(Boolean).join(' ');
  return (
    <div data-slot="tooltip-content" className={classes} {...props}>
      {children}
    </div>
  );
}
