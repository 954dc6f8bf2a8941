/**
 * The built extension in the system Chromium, driven by playwright-core. Every console error
 * and uncaught exception from any page, content script or the service worker is collected, so
 * a test can fail on it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findChromium } from './browsers';
import { localExtensionDir } from './paths';

export const CHROMIUM_FLAGS = [
  '--no-sandbox', // tests run as root in CI
  '--disable-gpu',
  '--no-first-run',
  // This machine has no network beyond 127.0.0.1: keep Chromium from trying.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Console errors and uncaught exceptions seen so far, in every context. */
  readonly errors: string[];
  serviceWorker(): Promise<Worker>;
  openPage(url: string): Promise<Page>;
  /** Opens an extension page (e.g. `src/popup/index.html?tab=3`) as a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Reads the extension's storage through its service worker. */
  readStorage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  /** Stops the service worker, as Chromium does when it has been idle. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Browser UI language, e.g. `ur` for the Urdu interface. */
  locale?: string;
  /** More command-line switches, e.g. `--log-net-log=…` to record the browser's network. */
  extraArgs?: readonly string[];
  /** Allow the extension in incognito windows, as the reader does in chrome://extensions. */
  allowInIncognito?: boolean;
}

/** Chromium's id for an extension loaded from a folder: its path's SHA-256, as letters a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** Writes the profile preference the extensions page sets for "Allow in Incognito". */
function allowInIncognito(profile: string, extensionDir: string): void {
  mkdirSync(join(profile, 'Default'));
  const settings = { [unpackedExtensionId(extensionDir)]: { incognito: true } };
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { settings } }),
  );
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir ?? localExtensionDir('chrome');
  const profile = mkdtempSync(join(tmpdir(), 'footnote-chromium-'));
  if (options.allowInIncognito) allowInIncognito(profile, extensionDir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    ...(options.locale ? { locale: options.locale } : {}),
    args: [
      ...CHROMIUM_FLAGS,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.extraArgs ?? []),
    ],
  });

  const errors: string[] = [];
  const watchWorker = (worker: Worker) =>
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`[service worker] ${message.text()}`);
    });
  context.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`[${message.page()?.url() ?? '?'}] ${message.text()}`);
  });
  context.on('weberror', (error) => errors.push(`[uncaught] ${error.error().message}`));
  context.on('serviceworker', watchWorker);
  context.serviceWorkers().forEach(watchWorker);

  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));

  const extensionId = new URL((await serviceWorker()).url()).host;

  const openPage = async (url: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };

  return {
    context,
    extensionId,
    errors,
    serviceWorker,
    openPage,
    openExtensionPage: (path) => openPage(`chrome-extension://${extensionId}/${path}`),
    async readStorage(area) {
      const worker = await serviceWorker();
      return worker.evaluate((name) => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            storage: Record<string, { get(keys: null): Promise<Record<string, unknown>> }>;
          };
        };
        return chrome.storage[name]?.get(null) ?? {};
      }, area);
    },
    async stopServiceWorker() {
      // The CDP target of the worker can be closed, which stops it the way idling does.
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find(
        (info) => info.type === 'service_worker' && info.url.includes(extensionId),
      );
      if (!target) throw new Error('service worker target not found');
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
      await cdp.detach();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
