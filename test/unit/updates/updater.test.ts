import { fakeBrowser } from '@webext-core/fake-browser';
import type { Storage } from 'webextension-polyfill';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  scheduleUpdateChecks,
  UPDATE_ALARM,
  UPDATE_CHECK_KEY,
  UPDATE_KEY,
  UPDATE_PERIOD_MINUTES,
  Updater,
  type UpdateFetch,
} from '../../../src/background/updater';
import type { DatasetState } from '../../../src/background/dataset';
import { parseCompiledIndex } from '../../../src/dataset/compiled';
import type { SignedRelease, SigningKey } from '../../../src/updates/sign';
import { indexJson, newKey, release, shippedIndex, trusting } from './fixtures';

/** The fixtures' releases keep the shipped dataset's publish date. */
const PUBLISHED = shippedIndex().published;

const UPDATE_URL = 'https://updates.example.org/footnote';
const DIRECTORY = `${UPDATE_URL}/`;
const MAX_BYTES = 4 * 1024 * 1024;

type Served = Response | 'down' | 'timeout';

/** An update server in memory: file name → what a request for it gets. */
function fakeServer(files: Map<string, () => Served>) {
  const requests: { url: string; init: Parameters<UpdateFetch>[1] }[] = [];
  const fetch: UpdateFetch = async (url, init) => {
    requests.push({ url, init });
    const name = url.startsWith(DIRECTORY) ? url.slice(DIRECTORY.length) : url;
    const served = files.get(name)?.() ?? new Response('Not found', { status: 404 });
    if (served === 'down') throw new TypeError('Failed to fetch');
    if (served === 'timeout') throw new DOMException('The operation timed out.', 'TimeoutError');
    return served;
  };
  return { fetch, requests };
}

function serving(signed: SignedRelease): Map<string, () => Served> {
  return new Map<string, () => Served>([
    ['release.json', () => Response.json(signed.manifest)],
    [signed.manifest.dataset, () => new Response(signed.datasetBytes)],
    [signed.manifest.signature, () => new Response(`${signed.signature}\n`)],
  ]);
}

function bundledAt(datasetVersion: number): () => Promise<DatasetState> {
  const parsed = parseCompiledIndex(JSON.parse(indexJson(datasetVersion)));
  if (!parsed.ok) throw new Error(parsed.error);
  return async () => parsed;
}

let key: SigningKey;
let v2: SignedRelease;
let v3: SignedRelease;
let time: number;

beforeAll(async () => {
  key = await newKey();
  [v2, v3] = await Promise.all([
    release(
      indexJson(2, (index) => {
        const first = index.cases[0];
        if (first) first.title = { ...first.title, en: 'Only in version 2' };
      }),
      key,
    ),
    release(indexJson(3), key),
  ]);
});

beforeEach(() => {
  fakeBrowser.reset();
  time = Date.UTC(2026, 11, 1, 9);
});

function updater(
  fetch: UpdateFetch,
  bundled = bundledAt(1),
  area: Storage.StorageArea = fakeBrowser.storage.local,
  httpsOnly = false,
): Updater {
  return new Updater({
    area,
    fetch,
    now: () => time,
    trustedKeys: trusting(key),
    bundled,
    maxBytes: MAX_BYTES,
    httpsOnly,
  });
}

async function versionInUse(u: Updater): Promise<[number | undefined, string | undefined]> {
  const state = await u.current();
  return state.ok ? [state.index.datasetVersion, state.source] : [undefined, undefined];
}

describe('Updater', () => {
  test('without an update the bundled dataset is in use and nothing was checked', async () => {
    const u = updater(fakeServer(new Map()).fetch);
    expect(await u.status()).toEqual({
      inUse: { datasetVersion: 1, published: PUBLISHED, source: 'bundled' },
    });
  });

  test('a newer signed release is fetched without credentials, stored and used from the next lookup', async () => {
    const server = fakeServer(serving(v2));
    const u = updater(server.fetch);
    expect(await u.check(UPDATE_URL)).toEqual({
      inUse: { datasetVersion: 2, published: PUBLISHED, source: 'update' },
      lastCheckedAt: time,
    });
    const state = await u.current();
    expect(state.ok && state.index.cases[0]?.title.en).toBe('Only in version 2');
    expect(server.requests.map((r) => r.url)).toEqual([
      `${DIRECTORY}release.json`,
      `${DIRECTORY}dataset-2.json`,
      `${DIRECTORY}dataset-2.json.sig`,
    ]);
    for (const { init } of server.requests) {
      expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
      expect(init.signal).toBeInstanceOf(AbortSignal);
    }
    // What a restarted worker sees.
    expect(await versionInUse(updater(server.fetch))).toEqual([2, 'update']);
  });

  test('a tampered release leaves the dataset in use and records why', async () => {
    const files = serving(v3);
    const bytes = v3.datasetBytes.slice();
    bytes[50] = (bytes[50] ?? 0) ^ 1;
    files.set(v3.manifest.dataset, () => new Response(bytes));
    const u = updater(fakeServer(serving(v2)).fetch);
    await u.check(UPDATE_URL);
    const tampered = updater(fakeServer(files).fetch);
    const status = await tampered.check(UPDATE_URL);
    expect(status.inUse?.datasetVersion).toBe(2);
    expect(status.lastFailure?.code).toBe('hash-mismatch');
    expect(status.lastCheckedAt).toBe(time);
    expect(await versionInUse(updater(fakeServer(files).fetch))).toEqual([2, 'update']);
  });

  test('a server that is down leaves the dataset in use and records why', async () => {
    const u = updater(fakeServer(new Map([['release.json', () => 'down' as const]])).fetch);
    const status = await u.check(UPDATE_URL);
    expect(status.inUse).toEqual({ datasetVersion: 1, published: PUBLISHED, source: 'bundled' });
    expect(status.lastFailure).toEqual({
      code: 'unreachable',
      message: 'Could not reach the update server for release.json.',
    });
    expect((await fakeBrowser.storage.local.get(UPDATE_KEY))[UPDATE_KEY]).toBeUndefined();
  });

  test('a timeout and an HTTP error are told apart', async () => {
    const files = serving(v2);
    files.set(v2.manifest.dataset, () => 'timeout');
    expect((await updater(fakeServer(files).fetch).check(UPDATE_URL)).lastFailure?.code).toBe(
      'timeout',
    );
    files.set(v2.manifest.dataset, () => new Response('gone', { status: 500 }));
    const status = await updater(fakeServer(files).fetch).check(UPDATE_URL);
    expect(status.lastFailure).toEqual({
      code: 'http-error',
      params: { status: '500' },
      message: 'The update server answered 500 for dataset-2.json.',
    });
  });

  test('a rollback to an older signed release is refused without downloading it', async () => {
    const u = updater(fakeServer(serving(v3)).fetch);
    await u.check(UPDATE_URL);
    const server = fakeServer(serving(v2));
    const rolledBack = updater(server.fetch);
    const status = await rolledBack.check(UPDATE_URL);
    expect(status.inUse?.datasetVersion).toBe(3);
    expect(status.lastFailure?.code).toBe('not-newer');
    expect(server.requests).toHaveLength(1);
  });

  test('the same version again is up to date, not a failure, and clears the last failure', async () => {
    const files = serving(v2);
    const u = updater(fakeServer(files).fetch);
    await u.check(UPDATE_URL);
    files.set('release.json', () => 'down');
    expect((await u.check(UPDATE_URL)).lastFailure?.code).toBe('unreachable');
    files.set('release.json', () => Response.json(v2.manifest));
    time += 1000;
    expect(await u.check(UPDATE_URL)).toEqual({
      inUse: { datasetVersion: 2, published: PUBLISHED, source: 'update' },
      lastCheckedAt: time,
    });
  });

  test('a release over the size limit is refused, whether announced or only sent', async () => {
    const announced = serving(v2);
    announced.set('release.json', () => Response.json({ ...v2.manifest, size: MAX_BYTES + 1 }));
    const server = fakeServer(announced);
    expect((await updater(server.fetch).check(UPDATE_URL)).lastFailure?.code).toBe('too-large');
    expect(server.requests).toHaveLength(1);

    const sent = serving(v2);
    const oversized = new Uint8Array(MAX_BYTES + 1);
    // A stream without a length header, as a chunked response is.
    sent.set(v2.manifest.dataset, () => new Response(new Blob([oversized]).stream()));
    const status = await updater(fakeServer(sent).fetch).check(UPDATE_URL);
    expect(status.lastFailure?.code).toBe('too-large');
    expect(status.inUse?.source).toBe('bundled');
  });

  test('an overlong answer is cut off just past the limit and the download cancelled', async () => {
    const chunk = new Uint8Array(64 * 1024);
    let pulled = 0;
    let cancelled = false;
    // 32 MiB, sent as it is pulled: the updater should stop reading after the limit.
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += chunk.length;
            controller.enqueue(chunk);
            if (pulled >= 8 * MAX_BYTES) controller.close();
          },
          cancel() {
            cancelled = true;
          },
        }),
      );
    const files = serving(v2);
    files.set(v2.manifest.dataset, endless);
    const status = await updater(fakeServer(files).fetch).check(UPDATE_URL);
    expect(status.lastFailure?.code).toBe('too-large');
    expect(pulled).toBeLessThan(MAX_BYTES + 4 * chunk.length);
    expect(cancelled).toBe(true);

    pulled = 0;
    files.set('release.json', endless);
    expect((await updater(fakeServer(files).fetch).check(UPDATE_URL)).lastFailure).toEqual({
      code: 'too-large',
      message: 'The update server sent more than 16384 bytes for release.json.',
    });
    expect(pulled).toBeLessThan(16 * 1024 + 4 * chunk.length);
  });

  test('an answer announced as too long is refused before it is read', async () => {
    const files = serving(v2);
    files.set(
      v2.manifest.dataset,
      () => new Response(v2.datasetBytes, { headers: { 'content-length': String(MAX_BYTES + 1) } }),
    );
    const status = await updater(fakeServer(files).fetch).check(UPDATE_URL);
    expect(status.lastFailure?.code).toBe('too-large');
  });

  test('only http and https update addresses are used', async () => {
    const server = fakeServer(serving(v2));
    const u = updater(server.fetch);
    for (const url of ['file:///tmp/release', 'javascript:alert(1)', 'ftp://example.org/', 'x']) {
      expect((await u.check(url)).lastFailure?.code).toBe('bad-url');
    }
    expect((await u.check('  ')).lastFailure?.code).toBe('not-configured');
    expect((await u.check(undefined)).lastFailure?.code).toBe('not-configured');
    expect(server.requests).toEqual([]);
  });

  test('a store build refuses a plain http update address without asking it anything', async () => {
    const server = fakeServer(serving(v2));
    const storeBuild = updater(server.fetch, bundledAt(1), fakeBrowser.storage.local, true);
    const status = await storeBuild.check('http://updates.example.org/footnote');
    expect(status.lastFailure?.code).toBe('not-https');
    expect(server.requests).toEqual([]);
    expect(await versionInUse(storeBuild)).toEqual([1, 'bundled']);
    await storeBuild.check(UPDATE_URL);
    expect(await versionInUse(storeBuild)).toEqual([2, 'update']);
  });

  test('credentials, query and fragment in the update address are not sent', async () => {
    const server = fakeServer(serving(v2));
    await updater(server.fetch).check('https://user:pw@updates.example.org/footnote?x=1#top');
    expect(server.requests[0]?.url).toBe(`${DIRECTORY}release.json`);
  });

  test('a stored update not newer than the bundled dataset is dropped when the extension is updated', async () => {
    await updater(fakeServer(serving(v2)).fetch).check(UPDATE_URL);
    const afterUpgrade = updater(fakeServer(new Map()).fetch, bundledAt(2));
    expect(await versionInUse(afterUpgrade)).toEqual([2, 'bundled']);
    expect((await fakeBrowser.storage.local.get(UPDATE_KEY))[UPDATE_KEY]).toBeUndefined();
  });

  test('a stored update newer than the bundled dataset survives an extension update', async () => {
    await updater(fakeServer(serving(v3)).fetch).check(UPDATE_URL);
    expect(await versionInUse(updater(fakeServer(new Map()).fetch, bundledAt(2)))).toEqual([
      3,
      'update',
    ]);
  });

  test.each([
    ['not an object', 'garbage'],
    [
      'JSON that is not JSON',
      { datasetVersion: 9, published: '', keyId: '', acceptedAt: 0, json: '{' },
    ],
    [
      'an index that does not validate',
      { datasetVersion: 9, published: '', keyId: '', acceptedAt: 0, json: '{"datasetVersion":9}' },
    ],
  ])('a corrupted stored update (%s) is dropped without throwing', async (_what, stored) => {
    await fakeBrowser.storage.local.set({ [UPDATE_KEY]: stored });
    const u = updater(fakeServer(new Map()).fetch);
    expect(await versionInUse(u)).toEqual([1, 'bundled']);
    expect((await fakeBrowser.storage.local.get(UPDATE_KEY))[UPDATE_KEY]).toBeUndefined();
  });

  test('a stored check result that cannot be read is ignored', async () => {
    await fakeBrowser.storage.local.set({ [UPDATE_CHECK_KEY]: { at: 'yesterday' } });
    expect(await updater(fakeServer(new Map()).fetch).status()).toEqual({
      inUse: { datasetVersion: 1, published: PUBLISHED, source: 'bundled' },
    });
  });

  test('an update that verifies but cannot be stored is not used', async () => {
    const local = fakeBrowser.storage.local;
    const full: Storage.StorageArea = {
      ...local,
      get: (keys) => local.get(keys),
      remove: (keys) => local.remove(keys),
      set: async (items) => {
        if (UPDATE_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
        return local.set(items);
      },
    };
    const status = await updater(fakeServer(serving(v2)).fetch, bundledAt(1), full).check(
      UPDATE_URL,
    );
    expect(status.inUse?.source).toBe('bundled');
    expect(status.lastFailure?.code).toBe('storage-failed');
  });

  test('repeated lookups read the bundled dataset and storage once', async () => {
    let bundledReads = 0;
    const bundled = bundledAt(1);
    const u = updater(fakeServer(new Map()).fetch, async () => {
      bundledReads++;
      return bundled();
    });
    const states = await Promise.all([u.current(), u.current(), u.current()]);
    await u.current();
    expect(bundledReads).toBe(1);
    expect(new Set(states).size).toBe(1);
  });

  test('a bundled dataset that cannot be read does not hide a stored update', async () => {
    await updater(fakeServer(serving(v2)).fetch).check(UPDATE_URL);
    const broken = async (): Promise<DatasetState> => ({
      ok: false,
      error: { code: 'unreadable' },
    });
    expect(await versionInUse(updater(fakeServer(new Map()).fetch, broken))).toEqual([2, 'update']);
  });
});

describe('scheduleUpdateChecks', () => {
  test('asks for a check every 12 hours, the first after 6 to 18 hours', async () => {
    const start = Date.now();
    await scheduleUpdateChecks(fakeBrowser.alarms, () => 0);
    const alarm = await fakeBrowser.alarms.get(UPDATE_ALARM);
    expect(alarm?.periodInMinutes).toBe(UPDATE_PERIOD_MINUTES);
    expect(UPDATE_PERIOD_MINUTES).toBe(720);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(start + 360 * 60_000);
    expect(alarm?.scheduledTime).toBeLessThan(start + 361 * 60_000);
  });

  test('an existing alarm is kept, so a worker restart does not postpone the check', async () => {
    await scheduleUpdateChecks(fakeBrowser.alarms, () => 0);
    const first = await fakeBrowser.alarms.get(UPDATE_ALARM);
    await scheduleUpdateChecks(fakeBrowser.alarms, () => 0.99);
    expect(await fakeBrowser.alarms.getAll()).toEqual([first]);
  });
});
