import { devWarn, type Job, JobValidationError, type JobsPage, normalizeJob, type Pagination } from '../core';
import { invalidAnswer } from './errors';

export type Plain = Record<string, unknown>;

export function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload of Flatfile's `{ data }` envelope. */
export function dataOf(body: unknown, label: string): unknown {
  if (!isPlain(body) || !('data' in body)) throw invalidAnswer(label, 'a body without `data` (expected `{ data: … }`)');
  return body.data;
}

/** A `normalizeJob` failure, with the field named from the top of the answer: `data.id is required`. */
function fieldProblem(error: JobValidationError, at: string): string {
  const detail = error.message.replace(/^Invalid job: /, '');
  return error.path === 'job' ? `${at}${detail.slice('job'.length)}` : `${at}.${detail}`;
}

function toJob(value: unknown, label: string, at: string): Job {
  try {
    return normalizeJob(value);
  } catch (error) {
    if (error instanceof JobValidationError)
      throw invalidAnswer(label, `a malformed job: ${fieldProblem(error, at)}`, error);
    throw error;
  }
}

/** The job in a `{ data: Job }` answer. */
export function readJob(body: unknown, label: string): Job {
  return toJob(dataOf(body, label), label, 'data');
}

function readPagination(value: unknown): Pagination | undefined {
  if (!isPlain(value)) return undefined;
  const { currentPage, pageCount, totalCount } = value;
  if (typeof currentPage !== 'number' || typeof pageCount !== 'number' || typeof totalCount !== 'number')
    return undefined;
  return { currentPage, pageCount, totalCount };
}

/**
 * The jobs in a `{ data: Job[], pagination? }` answer. An entry that is no job is left out with a
 * development warning naming the field (one bad job must not hide the others); `data` that is no list
 * fails the call.
 */
export function readJobs(body: unknown, label: string): JobsPage {
  const data = dataOf(body, label);
  if (!Array.isArray(data)) throw invalidAnswer(label, '`data` that is not a list of jobs');
  const jobs: Job[] = [];
  data.forEach((entry: unknown, index) => {
    try {
      jobs.push(toJob(entry, label, `data[${index}]`));
    } catch (error) {
      devWarn(`a job from ${label} was left out:`, error instanceof Error ? error.message : error);
    }
  });
  const pagination = readPagination(isPlain(body) ? body.pagination : undefined);
  return pagination === undefined ? { data: jobs } : { data: jobs, pagination };
}
