import { ActionBar, JobsProvider, OutcomeDialog, ProgressBar, ProgressOverlay } from 'jobkit';
import type { JobsClient } from 'jobkit/core';
import type { ReactNode } from 'react';
import { TooltipContent } from './components/ui/tooltip.js';
import { WORKBOOK_ID, workbookActions } from './jobs.js';

export function App({ client }: { client: JobsClient }): ReactNode {
  return (
    <JobsProvider client={client} locale="en-US" colorScheme="light">
      <div className="mx-auto flex max-w-2xl flex-col gap-4 p-6 font-sans">
        <header className="flex items-center justify-between">
          <h1 className="text-xl font-semibold">Contacts workbook</h1>
          <ActionBar label="Workbook actions" domain="workbook" source={WORKBOOK_ID} actions={workbookActions} />
        </header>
        <ProgressOverlay source={WORKBOOK_ID}>
          <main className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4" data-testid="workbook">
            <p>1,024 records</p>
            <button type="button" className="w-fit rounded border border-zinc-300 px-3 py-1">
              Edit records
            </button>
          </main>
        </ProgressOverlay>
        <section className="flex flex-col gap-2" aria-label="Host styles">
          <ProgressBar label="Kit bar" value={40} />
          <ProgressBar label="Tall bar" value={40} className="h-3" />
          <TooltipContent data-testid="host-tooltip">Host tooltip</TooltipContent>
          <span data-testid="host-reference" className="bg-zinc-900 px-3">
            reference
          </span>
        </section>
      </div>
      <OutcomeDialog />
    </JobsProvider>
  );
}
