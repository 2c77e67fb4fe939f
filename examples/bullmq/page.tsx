// The host page: the Playground's components, on jobs that run in BullMQ workers and reach the page over
// jobkit/http (JSON + Server-Sent Events).
import { type ReactNode, StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

import {
  ActionBar,
  type DownloadTarget,
  JobNotices,
  JobsIndicator,
  JobsProvider,
  OutcomeDialog,
  ProgressOverlay,
  useJobEvents,
} from '../../src';
import { createHttpJobsClient } from '../../src/http';
import { spaceActions } from '../../stories/playground/actions';
import { type Contact, SPACE_ID } from '../../stories/playground/data';
import { FilesList } from '../../stories/playground/files-list';
import { Sheet } from '../../stories/playground/sheet';
import { playgroundCss } from '../../stories/playground/styles';

// The session cookie goes with every request, the event stream included.
const client = createHttpJobsClient({ baseUrl: '/api' });

function download({ url, fileName }: DownloadTarget): void {
  const link = document.createElement('a');
  link.href = url.replace(/^\./, '');
  link.download = fileName ?? 'export.csv';
  document.body.append(link);
  link.click();
  link.remove();
}

function HostApp(): ReactNode {
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const reload = useCallback(() => {
    void fetch('/api/contacts')
      .then((response) => response.json() as Promise<Contact[]>)
      .then((rows) => {
        setContacts(rows);
        setSelected((ids) => ids.filter((id) => rows.some((row) => row.id === id)));
      });
  }, []);
  useEffect(reload, [reload]);
  // The worker changed the contacts: read them again when a job ends.
  useJobEvents({ topic: 'job:completed' }, reload);

  return (
    <div className="pg-app">
      <header className="pg-topbar">
        <h1>Onboarding space (BullMQ)</h1>
        <ActionBar label="Space actions" domain="space" source={SPACE_ID} actions={spaceActions} />
        <span className="pg-spacer" />
        <JobsIndicator shortcut="alt+j" panelProps={{ height: 360 }} />
      </header>
      <ProgressOverlay source={SPACE_ID} region="resource">
        <main className="pg-layout">
          <Sheet
            contacts={contacts}
            selected={selected}
            onSelectedChange={setSelected}
            stallAfterMs={undefined}
            focused={false}
          />
          <div className="pg-side">
            <FilesList stallAfterMs={undefined} />
          </div>
        </main>
      </ProgressOverlay>
    </div>
  );
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <JobsProvider client={client} download={download}>
        <style>{playgroundCss}</style>
        <HostApp />
        <OutcomeDialog />
        <JobNotices />
      </JobsProvider>
    </StrictMode>,
  );
}
