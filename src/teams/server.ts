import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import { type Logg, glesLogg, medLoggfalt } from '../logg.js';
import type { Tillstand } from './app.js';
import { MAX_KROPP, granskaHuvuden } from './inslapp.js';

export interface Server {
  port: number;
  stang(): Promise<void>;
}

/** The activity's own id when it looks like one (Teams sets it), otherwise a fresh one; never more than an id. */
export function korrelationsId(aktivitet: unknown): string {
  const id = (aktivitet as { id?: unknown } | null)?.id;
  return typeof id === 'string' && /^[\w:.@|;=+/-]{1,128}$/.test(id) ? id : randomUUID();
}

/**
 * Why not botbuilder's public `adapter.process(req, res, logic)`: it answers a wrongly signed token with 500 and
 * the error's text in the body (only its own AuthenticationError gets 401), and writes the stack to the console
 * instead of our log. Measured: with `process` in this route, test/hardening/autentisering.test.ts (401 for every
 * bad token) and test/hardening/loggning.test.ts (JSON lines only, nothing leaked) fail. So the route calls the
 * step below it, `processActivity` (protected in the typings, public at run time), and decides status and log.
 */
interface Behandlare {
  processActivity(
    auth: string,
    aktivitet: Activity,
    logik: (context: TurnContext) => Promise<void>,
  ): Promise<{ status?: number; body?: unknown } | undefined>;
}

/** What the token check threw, as the status to answer: a bad or missing token is 401, whatever botbuilder calls it. */
function autentiseringsstatus(e: unknown): number | null {
  const fel = e as { name?: unknown; statusCode?: unknown };
  if (fel?.name === 'JsonWebTokenError' || fel?.name === 'TokenExpiredError' || fel?.name === 'NotBeforeError') return 401;
  // botframework-connector's AuthenticationError is a plain Error that carries the status it means.
  if (typeof fel?.statusCode === 'number' && fel.statusCode >= 400 && fel.statusCode < 600) return fel.statusCode;
  return null;
}

/**
 * POST /api/messages for Teams, GET /healthz for whoever runs us. Every log line written while an activity
 * is handled carries its correlation id; tokens, error texts and cards never go back in an HTTP answer.
 */
export async function startaServer(
  app: Application<Tillstand>,
  adapter: TeamsAdapter,
  config: Pick<Config, 'host' | 'port' | 'botId'>,
  logg: Logg,
): Promise<Server> {
  const server = restify.createServer({ name: 'budgetkollen', handleUncaughtExceptions: false });
  // Whatever an outsider sends us to refuse is logged, but not a line per request of a flood.
  const kantlogg = glesLogg(logg);
  const lage = { autentiserad: Boolean(config.botId) };
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { ok: true });
    next();
  });
  // Decided on the headers, before restify reads the body: its reader would gunzip without a limit on the
  // result and without an error listener (restify#1785), and parse multipart into temp files, all unauthenticated.
  const vakt: restify.RequestHandler = (req, res, next) => {
    const avvisning = granskaHuvuden(req.headers, lage);
    if (avvisning) {
      kantlogg.warn('avvisad vid kanten', { status: avvisning.status, orsak: avvisning.orsak });
      if (avvisning.status === 415) res.setHeader('accept-encoding', 'identity');
      // The body is never read into memory: Node discards whatever of it still arrives.
      res.send(avvisning.status);
      return next(false);
    }
    delete req.headers['content-encoding'];
    return next();
  };
  // restify's own reader (a limit on the bytes read) and JSON parser; no form or multipart parser on this route.
  const lasKropp = restify.plugins.bodyReader({ maxBodySize: MAX_KROPP });
  const tolkaJson = restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true });
  server.post('/api/messages', vakt, lasKropp, ...tolkaJson, async (req, res) => {
    const kropp = req.body as unknown;
    const korrelation = korrelationsId(kropp);
    await medLoggfalt({ korrelation }, async () => {
      if (!kropp || typeof kropp !== 'object' || Array.isArray(kropp) || typeof (kropp as { type?: unknown }).type !== 'string') {
        logg.warn('avvisad: kroppen är ingen aktivitet');
        res.send(400);
        return;
      }
      const aktivitet = kropp as Activity & { timestamp?: unknown; localTimestamp?: unknown };
      for (const falt of ['timestamp', 'localTimestamp'] as const) {
        if (typeof aktivitet[falt] === 'string') aktivitet[falt] = new Date(aktivitet[falt] as string);
      }
      const auth = req.header('authorization') ?? '';
      let turenBorjade = false;
      try {
        const svar = await (adapter as unknown as Behandlare).processActivity(auth, aktivitet, async (context) => {
          turenBorjade = true;
          await app.run(context);
        });
        if (svar?.body !== undefined) res.send(svar.status ?? 200, svar.body);
        else res.send(svar?.status ?? 200);
      } catch (e) {
        const status = turenBorjade ? null : autentiseringsstatus(e);
        if (status !== null) {
          logg.warn('avvisad: saknad eller ogiltig Bot Framework-token', {
            status,
            orsak: e as Error,
            typ: aktivitet.type,
            huvudFinns: auth !== '',
          });
          if (!res.headersSent) res.send(status);
          return;
        }
        logg.error('kunde inte behandla aktivitet', { fel: e as Error, typ: aktivitet.type, turenBorjade });
        if (!res.headersSent) res.send(500);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
  const address = server.address() as { port: number };
  return {
    port: address.port,
    stang: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
