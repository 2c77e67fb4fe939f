import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Action, JobConfig, JobMode } from '../../src/core';
import {
  ActionBar,
  type ColorScheme,
  JobsProvider,
  ProgressOverlay,
  useActiveSourceJobs,
  useCreateJob,
  useJobsMessages,
} from '../../src';
import {
  createMemoryJobsClient,
  type JobHandler,
  type MemoryJobsClient,
  type MemoryJobsClientOptions,
} from '../../src/memory';

/** The sheet every overlay story works on. */
export const CONTACTS_SHEET = 'us_sh_contacts';

/** A job on the contacts sheet, as a start button sends it. */
export function sheetJob(operation: string, mode: JobMode, extra: Partial<JobConfig> = {}): JobConfig {
  return { type: 'sheet', operation, source: CONTACTS_SHEET, mode, ...extra };
}

interface Contact {
  id: string;
  name: string;
  email: string;
  company: string;
}

const contacts: Contact[] = [
  { id: 'r1', name: 'Ada Lovelace', email: 'ada@analytical.example', company: 'Analytical Engines' },
  { id: 'r2', name: 'Grace Hopper', email: 'grace@cobol.example', company: 'Remington Rand' },
  { id: 'r3', name: 'Alan Turing', email: 'alan.turing.example', company: 'Bletchley Park' },
  { id: 'r4', name: 'Katherine Johnson', email: 'katherine@nasa.example', company: 'NASA Langley' },
  { id: 'r5', name: 'Linus Torvalds', email: 'linus@kernel.example', company: 'Linux Foundation' },
  { id: 'r6', name: 'Margaret Hamilton', email: 'margaret@apollo.example', company: 'MIT Instrumentation Lab' },
  { id: 'r7', name: 'Tim Berners-Lee', email: 'timbl@w3', company: 'CERN' },
  { id: 'r8', name: 'Barbara Liskov', email: 'barbara@clu.example', company: 'MIT' },
];

const validEmail = (email: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);

/** The sheet's own actions, placed as Flatfile places them: Submit as a button, the rest in the menu. */
const sheetActions: Action[] = [
  {
    label: 'Submit',
    operation: 'submitContacts',
    primary: true,
    mode: 'foreground',
    description: 'Submit every valid contact to the CRM?',
  },
  { label: 'Validate', operation: 'validateContacts', mode: 'toolbarBlocking', confirm: false },
  { label: 'Export CSV', operation: 'exportContacts', mode: 'background', confirm: false },
];

/** Ticks `steps` times, `everyMs` apart: what the sheet's own actions do when clicked by hand. */
const steadily =
  (steps: number, everyMs: number, info: string): JobHandler =>
  async (_job, { tick, sleep }) => {
    for (let step = 1; step <= steps; step += 1) {
      await sleep(everyMs);
      await tick((step / steps) * 100, `${info} (${step} of ${steps})`);
    }
  };

const actionHandlers: Record<string, JobHandler> = {
  'sheet:submitContacts': steadily(10, 300, 'Sending contacts'),
  'sheet:validateContacts': steadily(8, 250, 'Checking contacts'),
  'sheet:exportContacts': steadily(6, 250, 'Writing rows'),
};

export interface HostLayoutProps {
  /** Memory engine options: handlers (merged over those of the sheet's own actions), seeded jobs, latency, faults. */
  client?: MemoryJobsClientOptions;
  colorScheme?: ColorScheme;
  dir?: 'ltr' | 'rtl';
  stallAfterMs?: number;
  /** Buttons above the page, by label, each starting its job (mode included) on click. */
  starts?: Record<string, JobConfig>;
  /** Widest the page gets, px. Default 760. */
  width?: number;
}

const css = `
.host-page { box-sizing: border-box; padding: 16px; font-family: var(--jk-font); font-size: 14px; line-height: 1.4; color: var(--jk-fg); background: var(--jk-bg); }
.host-page *, .host-page *::before, .host-page *::after { box-sizing: border-box; }
.host-starts { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-block-end: 16px; padding-block-end: 12px; border-block-end: 1px dashed var(--jk-border); }
.host-starts > span { margin: 0; margin-inline-end: 4px; font-size: 13px; font-weight: 600; color: var(--jk-muted); }
.host-button { padding-block: 5px; padding-inline: 12px; border: 1px solid var(--jk-border); border-radius: var(--jk-radius); background: var(--jk-bg); color: var(--jk-fg); font: inherit; cursor: pointer; }
.host-button[aria-pressed='true'] { border-color: var(--jk-accent); background: color-mix(in srgb, var(--jk-accent) 14%, var(--jk-bg)); }
.host-button:focus-visible, .host-search:focus-visible, .host-cell:focus-visible { outline: 2px solid var(--jk-accent); outline-offset: 1px; }
.host-sheet { border: 1px solid var(--jk-border); border-radius: calc(var(--jk-radius) * 2); }
.host-sheet-header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 4px 12px; padding-block: 12px; padding-inline: 16px; border-block-end: 1px solid var(--jk-border); }
.host-sheet-header h1 { margin: 0; font-size: 16px; }
.host-jobs { margin: 0; font-size: 13px; color: var(--jk-muted); }
.host-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; min-block-size: 52px; padding-block: 8px; padding-inline: 16px; border-block-end: 1px solid var(--jk-border); }
.host-search { flex: 1 1 120px; min-inline-size: 0; padding-block: 5px; padding-inline: 10px; border: 1px solid var(--jk-border); border-radius: var(--jk-radius); background: var(--jk-bg); color: var(--jk-fg); font: inherit; }
.host-search::placeholder { color: var(--jk-muted); opacity: 1; }
.host-table { inline-size: 100%; border-collapse: collapse; table-layout: fixed; }
.host-table th { padding-block: 8px 6px; padding-inline: 16px; border-block-end: 1px solid var(--jk-border); color: var(--jk-muted); font-size: 12px; font-weight: 600; text-align: start; overflow-wrap: anywhere; }
.host-table td { padding-block: 2px; padding-inline: 8px; border-block-end: 1px solid color-mix(in srgb, var(--jk-border) 55%, transparent); }
.host-table tr:last-child td { border-block-end: 0; }
.host-table td:first-child, .host-table th:first-child { padding-inline-start: 8px; }
.host-table th:first-child { padding-inline-start: 16px; }
.host-cell { display: block; inline-size: 100%; min-inline-size: 0; padding-block: 6px; padding-inline: 8px; border: 1px solid transparent; border-radius: var(--jk-radius); background: transparent; color: inherit; font: inherit; text-overflow: ellipsis; }
.host-page[dir='rtl'] .host-cell { text-align: right; }
.host-cell:hover { border-color: var(--jk-border); }
.host-cell[aria-invalid='true'] { border-color: var(--jk-danger); background: color-mix(in srgb, var(--jk-danger) 7%, transparent); }
.host-empty { padding: 16px; color: var(--jk-muted); text-align: center; }
`;

/**
 * A workbook page as a host would build it around the kit: a contacts sheet whose toolbar (host tools and
 * the sheet's `ActionBar`) and table (editable cells) are each wrapped in a `ProgressOverlay`, on the
 * memory engine. Buttons above the page start jobs so a story can show each mode.
 *
 * The client is made on mount and disposed on unmount, so no handler keeps running after a story; the
 * page therefore renders on the second pass (plays start with a `findBy…`).
 */
export function HostLayout({
  client: options,
  colorScheme = 'light',
  dir = 'ltr',
  stallAfterMs,
  starts = {},
  width = 760,
}: HostLayoutProps): ReactNode {
  const [client, setClient] = useState<MemoryJobsClient>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the engine is made once per mount
  useEffect(() => {
    const created = createMemoryJobsClient({
      latency: 30,
      ...options,
      handlers: { ...actionHandlers, ...options?.handlers },
    });
    setClient(created);
    return () => created.dispose();
  }, []);
  if (client === undefined) return null;
  return (
    <JobsProvider client={client} colorScheme={colorScheme}>
      <div dir={dir} className="host-page" style={{ maxWidth: width }}>
        <style>{css}</style>
        <StartButtons starts={starts} />
        <ContactsSheet stallAfterMs={stallAfterMs} />
      </div>
    </JobsProvider>
  );
}

function StartButtons({ starts }: { starts: Record<string, JobConfig> }): ReactNode {
  const create = useCreateJob();
  const entries = Object.entries(starts);
  if (entries.length === 0) return null;
  return (
    <section className="host-starts" aria-labelledby="host-starts-heading">
      <span id="host-starts-heading">Story controls</span>
      {entries.map(([label, config]) => (
        <button key={label} type="button" className="host-button" onClick={() => create.mutate(config)}>
          {label}
        </button>
      ))}
      {create.error ? <p role="alert">Could not start the job: {create.error.message}</p> : null}
    </section>
  );
}

/** The sheet: its header says which jobs run on it (background ones included), then toolbar and table. */
function ContactsSheet({ stallAfterMs }: { stallAfterMs: number | undefined }): ReactNode {
  const [filtered, setFiltered] = useState(false);
  const [search, setSearch] = useState('');
  const [extraColumns, setExtraColumns] = useState<string[]>([]);
  const overlay = stallAfterMs === undefined ? {} : { stallAfterMs };
  const rows = useMemo(() => {
    const query = search.trim().toLowerCase();
    return contacts.filter(
      (c) =>
        (!filtered || !validEmail(c.email)) &&
        (query === '' || [c.name, c.email, c.company].some((value) => value.toLowerCase().includes(query))),
    );
  }, [filtered, search]);
  return (
    <main className="host-sheet">
      <header className="host-sheet-header">
        <h1>Contacts</h1>
        <RunningJobs />
      </header>
      <ProgressOverlay source={CONTACTS_SHEET} region="toolbar" {...overlay}>
        {/* biome-ignore lint/a11y/useSemanticElements: a host's toolbar markup as hosts write it, which the overlay must cover */}
        <div role="group" aria-label="Sheet tools" className="host-toolbar">
          <button
            type="button"
            className="host-button"
            aria-pressed={filtered}
            onClick={() => setFiltered((on) => !on)}
          >
            Filter
          </button>
          <input
            type="search"
            className="host-search"
            aria-label="Search contacts"
            placeholder="Search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <button
            type="button"
            className="host-button"
            onClick={() => setExtraColumns((columns) => [...columns, `Column ${columns.length + 4}`])}
          >
            Add column
          </button>
          <ActionBar label="Sheet actions" domain="sheet" source={CONTACTS_SHEET} actions={sheetActions} />
        </div>
      </ProgressOverlay>
      <ProgressOverlay source={CONTACTS_SHEET} region="resource" {...overlay}>
        <table className="host-table" aria-label="Contacts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Company</th>
              {extraColumns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((contact) => (
              <tr key={contact.id}>
                <td>
                  <input
                    className="host-cell"
                    dir="auto"
                    aria-label={`Name, ${contact.name}`}
                    defaultValue={contact.name}
                  />
                </td>
                <td>
                  <input
                    className="host-cell"
                    dir="auto"
                    type="email"
                    aria-label={`Email, ${contact.name}`}
                    aria-invalid={validEmail(contact.email) ? undefined : true}
                    defaultValue={contact.email}
                  />
                </td>
                <td>
                  <input
                    className="host-cell"
                    dir="auto"
                    aria-label={`Company, ${contact.name}`}
                    defaultValue={contact.company}
                  />
                </td>
                {extraColumns.map((column) => (
                  <td key={column}>
                    <input className="host-cell" dir="auto" aria-label={`${column}, ${contact.name}`} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td className="host-empty" colSpan={3 + extraColumns.length}>
                  No contacts match.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </ProgressOverlay>
    </main>
  );
}

/** A host's own, non-blocking indicator: the jobs running on the sheet, whatever their mode. */
function RunningJobs(): ReactNode {
  const jobs = useActiveSourceJobs(CONTACTS_SHEET);
  const { jobLabel } = useJobsMessages();
  return (
    <p className="host-jobs">
      Jobs on this sheet: {jobs.length === 0 ? 'none' : jobs.map((job) => jobLabel(job)).join(', ')}
    </p>
  );
}

/** The overlay region (`toolbar` or `resource`) of the page in `root`. */
export function regionOf(root: HTMLElement, region: 'toolbar' | 'resource'): HTMLElement {
  const element = root.querySelector<HTMLElement>(`[data-slot="progress-overlay-region"][data-region="${region}"]`);
  if (element === null) throw new Error(`No ${region} overlay region in the page`);
  return element;
}

/** The host's content inside a region: what a blocking job makes inert. */
export function contentOf(region: HTMLElement): HTMLElement {
  return region.querySelector<HTMLElement>(':scope > [data-slot="progress-overlay-content"]') as HTMLElement;
}

/** The region's overlay, or null when nothing covers it. */
export function overlayOf(region: HTMLElement): HTMLElement | null {
  return region.querySelector<HTMLElement>(':scope > [data-slot="progress-overlay-overlay"]');
}

/** The provider's live region of `politeness`. */
export function liveRegion(root: HTMLElement, politeness: 'polite' | 'assertive'): HTMLElement {
  return root.querySelector<HTMLElement>(`[data-slot="live-region-${politeness}"]`) as HTMLElement;
}
