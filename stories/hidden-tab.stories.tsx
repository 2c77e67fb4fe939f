import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type Action, ActionButton, JobsProvider, ProgressOverlay } from '../src';
import { createMemoryJobsClient } from '../src/memory';

/** A notification the simulated browser shows: its title, and the click the user could make on it. */
interface Shown {
  key: number;
  title: string;
  click(): void;
}

/**
 * A browser tab the story can hide, with a `Notification` that shows its notifications on the page:
 * `document.visibilityState` is stubbed while the story is mounted, and a permission prompt is granted.
 */
function useSimulatedBrowser() {
  const [hidden, setHidden] = useState(false);
  const [permission, setPermission] = useState<NotificationPermission>('default');
  const [shown, setShown] = useState<Shown[]>([]);
  const [title, setTitle] = useState(() => document.title);
  const state = useRef({ hidden: false, permission: 'default' as NotificationPermission, key: 0 });

  useEffect(() => {
    const real = globalThis.Notification;
    const realTitle = document.title;
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (state.current.hidden ? 'hidden' : 'visible'),
    });
    class SimulatedNotification {
      static get permission() {
        return state.current.permission;
      }
      static async requestPermission() {
        state.current.permission = 'granted';
        setPermission('granted');
        return 'granted' as const;
      }
      onclick: (() => void) | null = null;
      onclose: (() => void) | null = null;
      private readonly key = ++state.current.key;
      constructor(title: string) {
        setShown((list) => [...list, { key: this.key, title, click: () => this.onclick?.() }]);
      }
      close() {
        setShown((list) => list.filter((entry) => entry.key !== this.key));
      }
    }
    globalThis.Notification = SimulatedNotification as unknown as typeof Notification;
    // The kit writes the title; the page shows it, since a story has no tab strip.
    const observer = new MutationObserver(() => setTitle(document.title));
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      Reflect.deleteProperty(document, 'visibilityState');
      globalThis.Notification = real;
      document.title = realTitle;
    };
  }, []);

  const setVisibility = (next: boolean) => {
    state.current.hidden = next;
    setHidden(next);
    document.dispatchEvent(new Event('visibilitychange'));
  };
  return { hidden, permission, shown, title, setVisibility };
}

const exportAction: Action = { label: 'Export', operation: 'export', mode: 'foreground', confirm: false };

/** A host page: Export runs a second or so; the buttons below stand in for the tab strip and the system tray. */
function Demo(): ReactNode {
  const [client] = useState(() =>
    createMemoryJobsClient({
      latency: 20,
      handlers: {
        'workbook:export': async (_job, { sleep }) => {
          await sleep(1200);
          return { outcome: { heading: 'Export ready', message: 'Exported 1,204 rows' } };
        },
      },
    }),
  );
  const browser = useSimulatedBrowser();
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const openOutcome = (jobId: string) => {
    setOpened(jobId);
    // A click on a notification brings the tab to the front.
    browser.setVisibility(false);
  };
  return (
    <JobsProvider client={client} notifications={{ onOpenOutcome: openOutcome }}>
      <div
        style={{
          fontFamily: 'var(--jk-font)',
          color: 'var(--jk-fg)',
          background: 'var(--jk-bg)',
          padding: 16,
          display: 'grid',
          gap: 12,
        }}
      >
        <div style={{ display: 'flex', gap: 8 }}>
          <ActionButton action={exportAction} domain="workbook" source="us_wb_1" />
          <button type="button" aria-pressed={browser.hidden} onClick={() => browser.setVisibility(!browser.hidden)}>
            Hide the tab (simulated)
          </button>
        </div>
        <ProgressOverlay source="us_wb_1">
          <p>Contacts: 1,204 rows</p>
        </ProgressOverlay>
        <dl style={{ margin: 0 }}>
          <dt>Document title</dt>
          <dd data-testid="title">{browser.title}</dd>
          <dt>Notification permission</dt>
          <dd data-testid="permission">{browser.permission}</dd>
          <dt>Outcome opened from a notification</dt>
          <dd data-testid="opened">{opened === undefined ? 'none' : 'yes'}</dd>
        </dl>
        <section aria-label="System notifications (simulated)">
          {browser.shown.map((entry) => (
            <button key={entry.key} type="button" onClick={entry.click}>
              Notification: {entry.title}
            </button>
          ))}
        </section>
      </div>
    </JobsProvider>
  );
}

const meta = {
  title: 'Outcomes/HiddenTab',
  component: Demo,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The user starts an export (the kit asks for notification permission on that click) and leaves the
 * tab: when the export ends the title counts it and a notification tells it, the live region does not.
 * A click on the notification brings the tab back and opens the outcome; the title is as it was.
 */
export const CompletionWhileHidden: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const original = document.title;
    await userEvent.click(canvas.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(canvas.getByTestId('permission')).toHaveTextContent('granted'));
    await userEvent.click(canvas.getByRole('button', { name: 'Hide the tab (simulated)' }));
    await waitFor(() => expect(canvas.getByTestId('title')).toHaveTextContent(`(1) Export ready · ${original}`), {
      timeout: 4000,
    });
    const tray = canvas.getByRole('region', { name: 'System notifications (simulated)' });
    const notification = within(tray).getByRole('button', { name: 'Notification: Export ready' });
    const polite = canvasElement.querySelector('[data-slot="live-region-polite"]');
    await expect(polite?.textContent).not.toMatch(/finished/);
    await userEvent.click(notification);
    await expect(canvas.getByTestId('opened')).toHaveTextContent('yes');
    await waitFor(() => expect(canvas.getByTestId('title')).toHaveTextContent(original));
    await expect(document.title).toBe(original);
    await expect(within(tray).queryByRole('button')).toBeNull();
  },
};
