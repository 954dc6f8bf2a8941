/** `npm run server`: the intake service on 127.0.0.1, configured from the environment. */
import { DEFAULT_RATE_LIMIT, DATABASE_FILE, startServer, storeConfigFromEnv } from './server';

function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, not "${text}".`);
  }
  return value;
}

const storeConfig = storeConfigFromEnv();
const server = await startServer({
  port: wholeNumber('PORT', 8787),
  host: process.env.HOST || '127.0.0.1',
  ...storeConfig,
  rateLimit: {
    max: wholeNumber('FOOTNOTE_RATE_LIMIT', DEFAULT_RATE_LIMIT.max),
    timeWindowMs: wholeNumber('FOOTNOTE_RATE_WINDOW_MS', DEFAULT_RATE_LIMIT.timeWindowMs),
  },
  trustProxy: process.env.FOOTNOTE_TRUST_PROXY === '1',
});
// The database URL is not printed: it can hold a password.
const reportsIn = storeConfig.databaseUrl
  ? 'PostgreSQL (DATABASE_URL)'
  : `${storeConfig.dataDir}/${DATABASE_FILE}`;
console.log(`Footnote report intake: ${server.url}/v1/reports (reports: ${reportsIn})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
