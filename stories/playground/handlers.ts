import type { Job } from '../../src/core';
import { type JobHandler, JobFailure } from '../../src/memory';
import { type Contact, files, SHEET_ID, toCsv, validEmail } from './data';

/** What the handlers may read and change in the host app. */
export interface PlaygroundWorld {
  contacts(): Contact[];
  setContacts(update: (rows: Contact[]) => Contact[]): void;
  /** Keeps an exported file at a same-origin relative path the host's `download` handler serves. */
  saveExport(path: string, text: string): void;
}

export interface PlaygroundSettings {
  /** 1 is believable timing; 4 is four times faster. */
  speed: number;
  /** Chance (0..1) that Map, Export or a mutation fails with "Try again". */
  failureRate: number;
}

type Step = (percent: number) => string;

const titleCase = (text: string) => text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());

/** Record ids the job's collection subject names; none means the whole sheet. */
function subjectIds(job: Job): string[] | undefined {
  const subject = job.subject as { type?: string; query?: { ids?: string[] } } | undefined;
  return subject?.type === 'collection' ? subject.query?.ids : undefined;
}

export function createPlaygroundHandlers(
  world: PlaygroundWorld,
  settings: PlaygroundSettings,
): Record<string, JobHandler> {
  const scale = (ms: number) => Math.max(10, Math.round(ms / Math.max(0.1, settings.speed)));
  const attempts = new Map<string, number>();

  /** Ticks `steps` times over `totalMs`, with status text per percent. */
  const run = async (ctx: Parameters<JobHandler>[1], steps: number, totalMs: number, info: Step) => {
    for (let step = 1; step <= steps; step += 1) {
      await ctx.sleep(scale(totalMs / steps));
      const percent = Math.round((step / steps) * 100);
      await ctx.tick(Math.min(percent, 99), info(percent));
    }
  };

  /** Fails at random, as often as the failure-rate control says, with a "Try again" next. */
  const maybeFail = (what: string) => {
    if (Math.random() < settings.failureRate) {
      throw new JobFailure(`${what} hit a temporary error.`, {
        acknowledge: true,
        heading: `${what} failed`,
        message: `${what} hit a temporary error on the server. Nothing was changed.`,
        next: { type: 'retry', label: 'Try again' },
      });
    }
  };

  return {
    'file:extract': async (job, ctx) => {
      const file = files.find((f) => f.id === job.source);
      const attempt = (attempts.get(job.source) ?? 0) + 1;
      attempts.set(job.source, attempt);
      await run(ctx, 5, 2500, (p) => `Reading ${file?.name ?? 'file'}: ${p}%`);
      if (file?.bad && attempt === 1) {
        throw new JobFailure('Sheet 2 has merged header cells.', {
          acknowledge: true,
          heading: `Could not extract ${file.name}`,
          message:
            'Sheet 2 has merged header cells, so its columns could not be told apart.\nThe extractor can retry with the first header row only.',
          next: { type: 'retry', label: 'Retry extraction' },
        });
      }
      return {
        info: `${file?.name ?? 'File'} extracted`,
        outcome: {
          message: `Extracted ${file?.bad ? '212 records (first header row only)' : '1,024 records'} from ${file?.name ?? 'the file'}.`,
        },
      };
    },

    'file:map': async (job, ctx) => {
      const file = files.find((f) => f.id === job.source);
      await run(ctx, 6, 3000, (p) => (p < 50 ? 'Matching columns to fields' : `Mapping records: ${p}%`));
      maybeFail('Mapping');
      return {
        outcome: {
          acknowledge: true,
          heading: 'Mapping complete',
          message: `${file?.name ?? 'The file'} was mapped into Contacts: 5 columns matched, 1 left unmapped.`,
          next: { type: 'id', id: SHEET_ID, path: 'sheet', query: 'filter=error', label: 'Review in Contacts' },
        },
      };
    },

    'sheet:delete-records': async (job, ctx) => {
      const ids = subjectIds(job) ?? [];
      await run(ctx, 4, 1600, (p) => `Deleting ${ids.length} records: ${p}%`);
      world.setContacts((rows) => rows.filter((row) => !ids.includes(row.id)));
      return {
        outcome: {
          acknowledge: true,
          heading: 'Records deleted',
          message: `${ids.length} ${ids.length === 1 ? 'record was' : 'records were'} deleted.`,
        },
      };
    },

    'sheet:export': async (job, ctx) => {
      await run(ctx, 5, 2500, (p) => `Writing rows: ${p}%`);
      maybeFail('Export');
      const rows = world.contacts();
      const path = `./exports/${job.id}/contacts.csv`;
      world.saveExport(path, toCsv(rows));
      return {
        outcome: {
          acknowledge: true,
          heading: 'Export ready',
          message: `${rows.length} contacts were written to contacts.csv.`,
          next: { type: 'download', url: path, fileName: 'contacts.csv', label: 'Download contacts.csv' },
        },
      };
    },

    'sheet:find-replace': async (job, ctx) => {
      const find = String(job.input?.find ?? '');
      const replace = String(job.input?.replace ?? '');
      await run(ctx, 5, 2000, (p) => `Searching records: ${p}%`);
      let count = 0;
      world.setContacts((rows) =>
        rows.map((row) => {
          const next = { ...row };
          for (const key of ['name', 'email', 'company'] as const) {
            const parts = next[key].split(find);
            if (find !== '' && parts.length > 1) {
              count += parts.length - 1;
              next[key] = parts.join(replace);
            }
          }
          return next;
        }),
      );
      return {
        outcome: {
          acknowledge: true,
          heading: 'Find and replace',
          message: `Replaced “${find}” with “${replace}” ${count} ${count === 1 ? 'time' : 'times'}.`,
        },
      };
    },

    'sheet:ai-assist': async (job, ctx) => {
      const task = job.input?.task;
      if (task === 'enrich') {
        // The enrichment service never answers: the overlay goes quiet, then offers "Stop waiting".
        await ctx.sleep(scale(600));
        await ctx.tick(10, 'Waiting for the enrichment service');
        await ctx.sleep(10 * 60_000);
        return;
      }
      await run(ctx, 6, 3000, (p) => (p < 40 ? 'Reading the sheet' : `Rewriting records: ${p}%`));
      world.setContacts((rows) =>
        rows.map((row) =>
          task === 'companies'
            ? { ...row, company: row.company.replace(/\s+(Inc|Ltd|LLC)\.?$/i, '') }
            : { ...row, name: titleCase(row.name) },
        ),
      );
      return {
        outcome: {
          acknowledge: true,
          heading: 'AI assist finished',
          message: task === 'companies' ? 'Company names were tidied.' : 'Every name is now title-cased.',
          next: { type: 'wait', confetti: true },
        },
      };
    },

    'sheet:mutate-records': async (_job, ctx) => {
      await run(ctx, 4, 1600, (p) => `Normalizing emails: ${p}%`);
      maybeFail('Normalizing');
      let changed = 0;
      world.setContacts((rows) =>
        rows.map((row) => {
          const email = row.email.toLowerCase();
          if (email !== row.email) changed += 1;
          return { ...row, email };
        }),
      );
      return {
        info: `${changed} emails normalized`,
        outcome: { message: `${changed} email addresses were lower-cased.` },
      };
    },

    'sheet:validate-emails': async (_job, ctx) => {
      await run(ctx, 3, 1200, (p) => `Checking emails: ${p}%`);
      const invalid = world.contacts().filter((row) => !validEmail(row.email)).length;
      return {
        info: `${invalid} invalid`,
        outcome: {
          message:
            invalid === 0
              ? 'Every email address is valid.'
              : `${invalid} email ${invalid === 1 ? 'address is' : 'addresses are'} invalid.`,
        },
      };
    },

    'space:configure': async (_job, ctx) => {
      const steps = ['Reading the blueprint', 'Creating the Contacts sheet', 'Registering actions', 'Applying themes'];
      for (const [index, step] of steps.entries()) {
        await ctx.sleep(scale(700));
        await ctx.tick(((index + 1) / steps.length) * 100 - 1, step);
      }
      return {
        outcome: {
          acknowledge: true,
          heading: 'Space configured',
          message: 'The space was rebuilt from its blueprint: 1 workbook, 1 sheet, 7 actions.',
          next: { type: 'wait', fade: true },
        },
      };
    },
  };
}
