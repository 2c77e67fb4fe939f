/** Extra call-to-action shown with an outcome. */
export type JobOutcomeNext =
  | JobOutcomeNextId
  | JobOutcomeNextUrl
  | JobOutcomeNextDownload
  | JobOutcomeNextFiles
  | JobOutcomeNextWait
  | JobOutcomeNextSnapshot
  | JobOutcomeNextRetry
  | JobOutcomeNextView
  | JobOutcomeNextClearFilters;

/** Navigate inside the space: `space/<id>/<path>?<query>`. */
export interface JobOutcomeNextId {
  type: 'id';
  id: string;
  label?: string;
  path?: string;
  query?: string;
}

/** A link: opened in a new tab, or in the current tab (or frame) when `replace` is true. */
export interface JobOutcomeNextUrl {
  type: 'url';
  url: string;
  label?: string;
  /** Follow the link in place of the app instead of a new tab. Default false. */
  replace?: boolean;
}

/** Download the file at `url`, saved as `fileName`. */
export interface JobOutcomeNextDownload {
  type: 'download';
  url: string;
  label?: string;
  fileName?: string;
}

export interface JobOutcomeNextFileObject {
  fileId: string;
  label?: string;
}

/** Download files hosted by the backend, by id. */
export interface JobOutcomeNextFiles {
  type: 'files';
  files: JobOutcomeNextFileObject[];
  label?: string;
}

/** Close without navigating; the host reacts to `job:outcome-acknowledged`. */
export interface JobOutcomeNextWait {
  type: 'wait';
  fade?: boolean;
  confetti?: boolean;
}

/** Go to a snapshot of a sheet. */
export interface JobOutcomeNextSnapshot {
  type: 'snapshot';
  snapshotId: string;
  sheetId: string;
  label?: string;
}

/** Retry the job ("Try again"). */
export interface JobOutcomeNextRetry {
  type: 'retry';
  label?: string;
}

/** Change which columns of a sheet are visible. */
export interface JobOutcomeNextView {
  type: 'view';
  sheetId: string;
  hiddenColumns: string[];
  label?: string;
}

/** Clear filters on the listed sheets. */
export interface JobOutcomeNextClearFilters {
  type: 'clearFilters';
  label?: string;
  sheetIds?: string[];
}

export type JobOutcomeNextType = JobOutcomeNext['type'];

export type JobOutcomeTriggerType = 'manual' | 'automatic' | 'automatic_silent';
export type JobOutcomeTriggerAudience = 'originator' | 'all';

export interface JobOutcomeTriggerObject {
  type: JobOutcomeTriggerType;
  audience?: JobOutcomeTriggerAudience;
}

export type JobOutcomeTrigger = JobOutcomeTriggerType | JobOutcomeTriggerObject;

/** The result a job ends with, shown to the user when `acknowledge` is set. */
export interface JobOutcome {
  heading?: string;
  message?: string;
  acknowledge?: boolean;
  buttonText?: string;
  hideDefaultButton?: boolean;
  next?: JobOutcomeNext;
  trigger?: JobOutcomeTrigger;
}
