import { afterAll, beforeAll } from 'vitest';

/**
 * Declares the file's tests an act() environment. Globals are off, so Testing Library does not do it
 * itself: the async work these tests start ends inside act() scopes, which React reports unless told so.
 */
export function declareActEnvironment(): void {
  const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  beforeAll(() => {
    environment.IS_REACT_ACT_ENVIRONMENT = true;
  });
  afterAll(() => {
    delete environment.IS_REACT_ACT_ENVIRONMENT;
  });
}
