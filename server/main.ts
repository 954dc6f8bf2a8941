/** `npm run server`: the intake service on 127.0.0.1, configured from the environment. */
import { DEFAULT_RATE_LIMIT, DATABASE_FILE, startServer } from './server';

function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, not "${text}".`);
  }
  return value;
}

const dataDir = process.env.FOOTNOTE_DATA_DIR || './server-data';
const server = await startServer({
  port: wholeNumber('PORT', 8787),
  host: process.env.HOST || '127.0.0.1',
  dataDir,
  rateLimit: {
    max: wholeNumber('FOOTNOTE_RATE_LIMIT', DEFAULT_RATE_LIMIT.max),
    timeWindowMs: wholeNumber('FOOTNOTE_RATE_WINDOW_MS', DEFAULT_RATE_LIMIT.timeWindowMs),
  },
  trustProxy: process.env.FOOTNOTE_TRUST_PROXY === '1',
});
console.log(`Footnote report intake: ${server.url}/v1/reports (data: ${dataDir}/${DATABASE_FILE})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
