export type {
  Action,
  ActionConstraint,
  ActionConstraintType,
  ActionMessage,
  ActionMode,
  ActionMount,
  ActionSchedule,
  Guardrail,
  Guide,
  InputConfig,
  InputConstraint,
  InputEnumPropertyOption,
  InputEnumValue,
  InputField,
  InputFieldType,
  InputForm,
} from './action';
export { INPUT_FIELD_TYPES } from './action';
export type { CallOptions, JobsClient, JobsFilter, JobsPage, Pagination } from './client';
export { compareJobs, matchesFilter } from './client';
export type { JobsClientErrorCode, JobsClientErrorOptions, JobsError } from './errors';
export { asJobsError, isRetryableError, JobsClientError, JobValidationError, toJobsError } from './errors';
export type {
  JobEvent,
  JobEventContext,
  JobEventListener,
  JobEventPayload,
  JobEventTopic,
  UnknownJobEventTopic,
} from './events';
export { JOB_EVENT_TOPICS, jobEventPayload } from './events';
export type {
  CollectionJobSubject,
  CollectionJobSubjectQuery,
  DateInput,
  Job,
  JobAckDetails,
  JobCompleteDetails,
  JobConfig,
  JobMode,
  JobPartExecution,
  JobStatus,
  JobSubject,
  JobTrigger,
  JobType,
  ResourceJobSubject,
  UnknownJobStatus,
} from './job';
export { JOB_MODES, JOB_STATUSES, JOB_TYPES } from './job';
export { normalizeJob, toDate, toProgress } from './normalize';
export type {
  JobOutcome,
  JobOutcomeNext,
  JobOutcomeNextClearFilters,
  JobOutcomeNextDownload,
  JobOutcomeNextFileObject,
  JobOutcomeNextFiles,
  JobOutcomeNextId,
  JobOutcomeNextRetry,
  JobOutcomeNextSnapshot,
  JobOutcomeNextType,
  JobOutcomeNextUrl,
  JobOutcomeNextView,
  JobOutcomeNextWait,
  JobOutcomeTrigger,
  JobOutcomeTriggerAudience,
  JobOutcomeTriggerObject,
  JobOutcomeTriggerType,
} from './outcome';
export type { BlockRegion } from './status';
export {
  ACTIVE_STATUSES,
  blocks,
  isActive,
  isBlocking,
  isCancelable,
  isKnownStatus,
  isRetryable,
  isTerminal,
  needsAcknowledgement,
} from './status';
export {
  dateTimeFormat,
  formatPercent,
  formatRelativeTime,
  numberFormat,
  pluralRules,
  relativeTimeFormat,
  resolveLocale,
} from './format';
export type { MessageKey, Messages } from './messages';
export { COUNT_MESSAGES, defaultMessages, statusMessageKey } from './messages';
export type { MessageValues } from './message-format';
export { formatMessage } from './message-format';
export type { ColorScheme, Theme, ThemeTokens } from './theme';
export { THEME_TOKENS, themeVariables } from './theme';
export { devWarn } from './dev';
export type { ActionContextState, ActionDisabledReason, ActionEnablement, ActionJobsState } from './action-state';
export { ACTION_CONSTRAINT_TYPES, actionConstraints, actionEnablement, constraintMet } from './action-state';
export type { ActionJobTarget, SheetView } from './action-job';
export { actionConfirms, actionJobConfig, actionMode, actionOperation, collectionSubject } from './action-job';
export { checkAction } from './action-check';
export type { FormFieldError, FormFieldErrorKind, InputFormValues } from './input-form';
export {
  checkInputForm,
  fieldKind,
  fieldLabel,
  fieldOptions,
  formFields,
  formInput,
  initialFormValues,
  isFieldRequired,
  optionLabel,
  parseFormNumber,
  validateForm,
} from './input-form';
export type { EtaDisplay, EtaDisplayOptions, EtaOptions, EtaSample, EtaState } from './eta';
export { addEtaSample, createEtaState, estimateRemaining, nextEtaDisplay } from './eta';
export type { EtaMessageKey, EtaMessages, EtaTextForm } from './eta-format';
export { ETA_MESSAGE_KEYS, formatEta } from './eta-format';
export { isSafeUrl, safeUrl } from './safe-url';
export type { NextActionHost, NextResult, OutcomeTrigger, OutcomeViewer } from './outcome-helpers';
export {
  effectiveTrigger,
  endsWithNotice,
  failureMessage,
  hasNextButton,
  idTargetPath,
  isKnownNext,
  isOriginator,
  isUsersJob,
  nextLabel,
  OUTCOME_NEXT_TYPES,
  outcomeKey,
  outcomeTrigger,
  performNext,
} from './outcome-helpers';
