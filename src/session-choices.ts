/**
 * Choices about a site made in a private window — the site's mode, the people hidden there —
 * last for the browsing session only (issue 16; AMO forbids storing data from private browsing).
 *
 * The contract:
 * - In a private window, such a choice is kept in `storage.session` (in memory) until the last
 *   private window closes, and never written to `storage.local`: no site visited privately is
 *   left on disk.
 * - The settings in force in a private window are the stored ones with this session's choices
 *   merged over them; normal windows never see the session's choices.
 * - Only the background touches `storage.session` (content scripts cannot read it in Chromium
 *   without widening its access, which Firefox does not offer): windows ask it by message, and it
 *   tells the content scripts in private windows when the choices change.
 */
import type { Storage } from 'webextension-polyfill';
import { sendRequest, type SiteChoice } from './messages';
import {
  isHostName,
  isPersonId,
  MAX_HIDDEN_PER_SITE,
  readSettings,
  RELEVANCE_MODES,
  setPersonHidden,
  updateSettings,
  withPersonHidden,
  withSiteMode,
  type Settings,
  type SiteMode,
} from './settings';

export interface SessionChoices {
  /** A site's mode chosen in a private window, by host; `default` overrides a stored mode. */
  readonly sites: Readonly<Record<string, SiteMode>>;
  /** The people hidden on a site in a private window, by host: the whole list (may be empty). */
  readonly hiddenPeople: Readonly<Record<string, readonly string[]>>;
}

export const SESSION_CHOICES_KEY = 'privateWindowChoices';

const NO_CHOICES: SessionChoices = { sites: {}, hiddenPeople: {} };

/** The settings in force in a private window: the session's choices over the stored ones. */
export function withSessionChoices(settings: Settings, choices: SessionChoices): Settings {
  const sites = Object.entries(choices.sites).reduce(
    (merged, [host, mode]) => withSiteMode(merged, host, mode),
    settings.sites,
  );
  const hiddenPeople = { ...settings.hiddenPeople, ...choices.hiddenPeople };
  return { ...settings, sites, hiddenPeople };
}

function parseSessionChoices(stored: unknown): SessionChoices {
  if (typeof stored !== 'object' || stored === null) return NO_CHOICES;
  const { sites, hiddenPeople } = stored as Record<string, unknown>;
  const modes: readonly unknown[] = [...RELEVANCE_MODES, 'default'];
  const entries = (value: unknown) =>
    Object.entries(typeof value === 'object' && value !== null ? value : {}).filter(([host]) =>
      isHostName(host),
    );
  return {
    sites: Object.fromEntries(
      entries(sites).filter((entry): entry is [string, SiteMode] => modes.includes(entry[1])),
    ),
    hiddenPeople: Object.fromEntries(
      entries(hiddenPeople).flatMap(([host, ids]) =>
        Array.isArray(ids) ? [[host, ids.filter(isPersonId).slice(-MAX_HIDDEN_PER_SITE)]] : [],
      ),
    ),
  };
}

/** The background's side: this session's choices, in `storage.session`. */
export class SessionChoiceStore {
  // One change after another: two quick "Not this person" must not overwrite each other.
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly session: Storage.StorageArea,
    /** The stored settings, read (never written) for the list a hidden person joins. */
    private readonly local: Storage.StorageArea,
  ) {}

  async read(): Promise<SessionChoices> {
    return parseSessionChoices((await this.session.get(SESSION_CHOICES_KEY))[SESSION_CHOICES_KEY]);
  }

  choose(host: string, choice: SiteChoice): Promise<SessionChoices> {
    const run = this.writes.then(async () => {
      const choices = await this.read();
      let next: SessionChoices;
      if (choice.kind === 'mode') {
        next = { ...choices, sites: { ...choices.sites, [host]: choice.mode } };
      } else {
        const hiddenNow = withSessionChoices(await readSettings(this.local), choices).hiddenPeople;
        const ids = withPersonHidden(hiddenNow[host] ?? [], choice.person, choice.hidden);
        next = { ...choices, hiddenPeople: { ...choices.hiddenPeople, [host]: ids } };
      }
      await this.session.set({ [SESSION_CHOICES_KEY]: next });
      return next;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** The private browsing session ended (its last window closed): its choices go with it. */
  async forget(): Promise<void> {
    await this.session.remove(SESSION_CHOICES_KEY);
  }
}

/** A window's side: the settings in force in it, and where its choices about a site go. */
export interface WindowSettings {
  read(): Promise<Settings>;
  setSiteMode(host: string, mode: SiteMode): Promise<void>;
  setPersonHidden(host: string, person: string, hidden: boolean): Promise<void>;
}

/** A normal window's choices go to `storage.local`; a private window's to the session only. */
export function windowSettings(
  privateWindow: boolean,
  local: Storage.StorageArea,
  runtime: { sendMessage(message: unknown): Promise<unknown> },
): WindowSettings {
  if (!privateWindow) {
    return {
      read: () => readSettings(local),
      async setSiteMode(host, mode) {
        await updateSettings(local, {
          sites: withSiteMode((await readSettings(local)).sites, host, mode),
        });
      },
      async setPersonHidden(host, person, hidden) {
        await setPersonHidden(local, host, person, hidden);
      },
    };
  }
  const choose = async (host: string, choice: SiteChoice) => {
    await sendRequest(runtime, { type: 'private/choose', host, choice });
  };
  return {
    async read() {
      const [stored, choices] = await Promise.all([
        readSettings(local),
        sendRequest(runtime, { type: 'private/get-choices' }),
      ]);
      return withSessionChoices(stored, choices);
    },
    setSiteMode: (host, mode) => choose(host, { kind: 'mode', mode }),
    setPersonHidden: (host, person, hidden) => choose(host, { kind: 'person', person, hidden }),
  };
}
