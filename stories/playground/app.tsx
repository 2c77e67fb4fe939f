import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import {
  ActionBar,
  type ColorScheme,
  type DownloadTarget,
  JobNotices,
  JobsIndicator,
  JobsProvider,
  type NavigateTarget,
  OutcomeDialog,
  ProgressOverlay,
} from '../../src';
import { createMemoryJobsClient, type MemoryJobsClient } from '../../src/memory';
import { spaceActions } from './actions';
import { type Contact, initialContacts, SHEET_ID, SPACE_ID } from './data';
import { FilesList } from './files-list';
import { createPlaygroundHandlers, type PlaygroundSettings } from './handlers';
import { Sheet } from './sheet';
import { playgroundCss } from './styles';

export interface PlaygroundProps {
  /** How fast jobs run: 1 is believable timing, 4 is four times faster. */
  speed: number;
  /** Chance (0 to 1) that Map, Export or Normalize fails with "Try again". */
  failureRate: number;
  theme: ColorScheme;
  /** After how long without progress an overlay offers "Stop waiting" (ms). */
  stallAfterMs: number;
}

/**
 * A small host app on the memory engine: a space with a Contacts sheet and uploaded files, Flatfile's built-in
 * job kinds behind their actions, the jobs indicator and panel, outcome popups and notices. Replay starts
 * it over with a fresh engine.
 */
export function Playground(props: PlaygroundProps): ReactNode {
  const [round, setRound] = useState(0);
  return <PlaygroundApp key={round} {...props} onReplay={() => setRound((n) => n + 1)} />;
}

function PlaygroundApp({ theme, onReplay, ...controls }: PlaygroundProps & { onReplay(): void }): ReactNode {
  // Controls may arrive as text from the URL (`&args=speed:4`): read them as numbers.
  const speed = Number(controls.speed) || 1;
  const failureRate = Math.min(1, Math.max(0, Number(controls.failureRate) || 0));
  const stallAfterMs = Number(controls.stallAfterMs) || undefined;
  const [contacts, setContacts] = useState<Contact[]>(initialContacts);
  const [selected, setSelected] = useState<string[]>([]);
  const [location, setLocation] = useState<NavigateTarget>();
  const [activity, setActivity] = useState<string[]>([]);
  const log = (line: string) => setActivity((lines) => [line, ...lines].slice(0, 8));

  // Handlers read the current controls and rows through refs: changing a control keeps the engine.
  const settings = useRef<PlaygroundSettings>({ speed, failureRate });
  settings.current.speed = speed;
  settings.current.failureRate = failureRate;
  const rows = useRef(contacts);
  rows.current = contacts;
  const exports = useRef(new Map<string, string>());

  const [client, setClient] = useState<MemoryJobsClient>();
  useEffect(() => {
    const world = {
      contacts: () => rows.current,
      setContacts: (update: (rows: Contact[]) => Contact[]) => {
        rows.current = update(rows.current);
        setContacts(rows.current);
        setSelected((ids) => ids.filter((id) => rows.current.some((row) => row.id === id)));
      },
      saveExport: (path: string, text: string) => exports.current.set(path, text),
    };
    const created = createMemoryJobsClient({
      latency: 40,
      handlers: createPlaygroundHandlers(world, settings.current),
    });
    setClient(created);
    return () => created.dispose();
  }, []);

  const navigate = (target: NavigateTarget) => {
    setLocation(target);
    log(`Opened ${target.path ?? 'resource'} ${target.id}`);
  };
  const download = ({ url, fileName }: DownloadTarget) => {
    const text = exports.current.get(url);
    if (text === undefined) {
      log(`Nothing to download at ${url}`);
      return;
    }
    // The "server" file lives in memory: hand the browser a Blob under the file name the outcome gave.
    const href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName ?? 'export.csv';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    log(`Downloaded ${link.download}`);
  };

  const where = useMemo(
    () =>
      location === undefined
        ? `/space/${SPACE_ID}`
        : `/space/${SPACE_ID}/${location.path ?? ''}/${location.id}${location.query ? `?${location.query}` : ''}`,
    [location],
  );

  if (client === undefined) return null;
  return (
    <JobsProvider client={client} colorScheme={theme} navigate={navigate} download={download}>
      <style>{playgroundCss}</style>
      <div className="pg-app">
        <header className="pg-topbar">
          <h1>Onboarding space</h1>
          <ActionBar label="Space actions" domain="space" source={SPACE_ID} actions={spaceActions} />
          <span className="pg-spacer" />
          <JobsIndicator shortcut="alt+j" panelProps={{ height: 360 }} />
          <button type="button" className="pg-button" onClick={onReplay}>
            Replay
          </button>
        </header>
        <p className="pg-location">
          <span>
            Location: <output aria-label="Location">{where}</output>
          </span>
          <span>
            Last activity: <output aria-label="Last activity">{activity[0] ?? 'none'}</output>
          </span>
        </p>
        <ProgressOverlay source={SPACE_ID} region="resource" stallAfterMs={stallAfterMs}>
          <main className="pg-layout">
            <Sheet
              contacts={contacts}
              selected={selected}
              onSelectedChange={setSelected}
              stallAfterMs={stallAfterMs}
              focused={location?.id === SHEET_ID}
            />
            <div className="pg-side">
              <FilesList stallAfterMs={stallAfterMs} />
              <section className="pg-activity" aria-labelledby="pg-activity-title">
                <h2 id="pg-activity-title">Activity</h2>
                {activity.length === 0 ? (
                  <p className="pg-muted">Downloads and navigation show here.</p>
                ) : (
                  <ol>
                    {activity.map((line, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a log; lines repeat
                      <li key={index}>{line}</li>
                    ))}
                  </ol>
                )}
              </section>
            </div>
          </main>
        </ProgressOverlay>
      </div>
      <OutcomeDialog />
      <JobNotices />
    </JobsProvider>
  );
}
