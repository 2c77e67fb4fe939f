import type { JobsConfigContextValue } from './context';
import { useJobsConfig } from './context';

/** The provider's locale, strings and text helpers (and how jobs are named), for hosts that draw their own UI. */
export function useJobsMessages(): Pick<
  JobsConfigContextValue,
  'locale' | 'messages' | 't' | 'translate' | 'jobLabel'
> {
  const { locale, messages, t, translate, jobLabel } = useJobsConfig('useJobsMessages');
  return { locale, messages, t, translate, jobLabel };
}
