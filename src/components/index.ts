export * from './progress-bar';
export * from './action-bar';
export * from './action-button';
export * from './confirm-dialog';
export * from './tooltip';
export * from './action-menu';
export * from './action-icon';
export * from './input-form-dialog';
