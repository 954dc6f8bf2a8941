/**
 * The intake HTTP service: POST /v1/reports, validated with the schema the extension uses.
 *
 * 201 stored, 200 already stored (same id, same content), 400 with field-level errors,
 * 403 for a browser origin that is not an extension, 409 for a known id with different
 * content, 413 for an oversized body, 415 for a body that is not JSON in UTF-8, 429 over the
 * rate.
 * Every refusal has the body `{ errors: [{ field, message }] }` and stores nothing.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { parseReport, type FieldError, type Report } from '../src/reports/schema';
import type { ReportStore } from './store';

export const REPORTS_PATH = '/v1/reports';

export interface AppOptions {
  readonly store: ReportStore;
  /** Reports one client (IP address) may post per window. */
  readonly rateLimit: { readonly max: number; readonly timeWindowMs: number };
  /** Largest accepted body in bytes; a report at every limit is under 8 KiB. */
  readonly bodyLimit?: number;
  /** Trust X-Forwarded-For from a reverse proxy in front, so the rate limit sees real clients. */
  readonly trustProxy?: boolean;
  readonly now?: () => Date;
}

// Chromium (and Edge) extension ids are 32 letters a–p; Firefox gives each install a UUID.
const EXTENSION_ORIGIN =
  /^(?:chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** No Origin header (curl, a server) or an extension's own origin; never a web page. */
export function isAllowedOrigin(origin: string | undefined): boolean {
  return origin === undefined || EXTENSION_ORIGIN.test(origin);
}

// The service's own refusals (not the schema's) have no code: the extension words them by status.
const refusal = (
  field: string,
  message: string,
): { errors: Pick<FieldError, 'field' | 'message'>[] } => ({
  errors: [{ field, message }],
});

/** A body refused before it reaches the handler, with the status and message to answer. */
class BodyRefusal extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;
const UTF8_LABEL = /^utf-?8$/i;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as JSON, read strictly. Fastify's own parser decodes invalid UTF-8 as U+FFFD (text
 * the reader never wrote would be stored), ignores the charset, and calls a `__proto__` key
 * "not valid JSON"; each of these gets its own answer here.
 */
function parseJsonBody(request: FastifyRequest, body: Buffer): unknown {
  const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !UTF8_LABEL.test(charset)) {
    throw new BodyRefusal(
      415,
      'Send the report as JSON in UTF-8 (application/json; charset=utf-8).',
    );
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(body);
  } catch {
    throw new BodyRefusal(400, 'The body is not valid UTF-8.');
  }
  try {
    // Refused rather than dropped: the extension never sends it, and an object holding an own
    // `__proto__` key turns into a prototype change the moment anything Object.assign()s it.
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') {
        throw new BodyRefusal(400, 'A report must not contain the key __proto__.');
      }
      return value;
    });
  } catch (error) {
    throw error instanceof BodyRefusal
      ? error
      : new BodyRefusal(400, 'The body is not valid JSON.');
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 16 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Warnings and errors only: no per-request lines, so no log of who sent what from where.
    logger: { level: 'warn' },
  });

  // JSON only: a text/plain POST is what a web page can send without a CORS preflight.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseJsonBody(request, body as Buffer));
    } catch (error) {
      done(error as BodyRefusal, undefined);
    }
  });

  app.setErrorHandler((error: FastifyError | BodyRefusal, _request, reply) => {
    if (error instanceof BodyRefusal) {
      return reply.code(error.statusCode).send(refusal('', error.message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) app.log.error(error);
    const message =
      status === 413
        ? 'The report is larger than this service accepts.'
        : status === 415
          ? 'Send the report as application/json.'
          : status === 429
            ? 'Too many reports from this address; try again later.'
            : status === 400
              ? 'The request could not be read.'
              : status >= 500
                ? 'The service could not store the report; try again later.'
                : error.message;
    return reply.code(status).send(refusal('', message));
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(refusal('', `Not found; reports go to POST ${REPORTS_PATH}.`)),
  );

  // Refused before CORS or routing: a web page must not be able to post reports at all, not
  // merely be kept from reading the answer (a no-preflight POST would otherwise be stored).
  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedOrigin(request.headers.origin)) {
      return reply.code(403).send(refusal('', 'Only the Footnote extension may send reports.'));
    }
  });
  await app.register(cors, {
    origin: (origin, callback) => callback(null, isAllowedOrigin(origin)),
    methods: ['POST'],
    allowedHeaders: ['content-type'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error('Rate limit exceeded.'), { statusCode: context.statusCode }),
  });

  app.post(
    REPORTS_PATH,
    {
      config: {
        rateLimit: { max: options.rateLimit.max, timeWindow: options.rateLimit.timeWindowMs },
      },
    },
    async (request, reply) => {
      // The schema would read a list as an object without a kind and ask for one.
      if (Array.isArray(request.body)) {
        return reply.code(400).send(refusal('', 'A report must be a JSON object, not a list.'));
      }
      const parsed = parseReport(request.body);
      if (!parsed.ok) return reply.code(400).send({ errors: parsed.errors });
      const { report } = parsed;
      const result = await store.insertIfAbsent(report, now().toISOString());
      if (result.inserted) return reply.code(201).send({ id: report.id, stored: true });
      if (sameReport(result.existing.report, report)) {
        return reply.code(200).send({ id: report.id, stored: true });
      }
      return reply
        .code(409)
        .send(refusal('id', 'A different report with this id was already received.'));
    },
  );

  return app;
}

/** Same content, whatever the key order: a retry is the same JSON re-serialized. */
function sameReport(a: Report, b: Report): boolean {
  return canonical(a) === canonical(b);
}

function canonical(report: Report): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(report).sort(([x], [y]) => (x < y ? -1 : 1))),
  );
}
