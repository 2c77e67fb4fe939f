import type { JobsConfigContextValue } from './context';
import { useJobsConfig } from './context';

/** The provider's locale, strings and text helpers, for hosts that draw their own UI. */
export function useJobsMessages(): Pick<JobsConfigContextValue, 'locale' | 'messages' | 't' | 'translate'> {
  const { locale, messages, t, translate } = useJobsConfig('useJobsMessages');
  return { locale, messages, t, translate };
}
