import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import { type Logg, glesLogg, medLoggfalt } from '../logg.js';
import type { Tillstand } from './app.js';
import { granskaAktivitet } from './aktivitetsform.js';
import { MAX_KROPP, arLoopback, granskaHuvuden } from './inslapp.js';

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
 * bad token) and test/hardening/loggning.test.ts (JSON lines only, nothing leaked) fail. So the route calls the two
 * steps below it (protected in the typings, public at run time): the token check, whose every failure is 401, and
 * `processActivity` with its result, whose failures are ours.
 */
interface Behandlare {
  botFrameworkAuthentication: { authenticateRequest(aktivitet: Activity, auth: string): Promise<object> };
  processActivity(
    autentisering: object,
    aktivitet: Activity,
    logik: (context: TurnContext) => Promise<void>,
  ): Promise<{ status?: number; body?: unknown } | undefined>;
}

/**
 * What the token check threw: the token is bad (botbuilder's own errors carry 401 or 403), or it could not be checked
 * at all (the signing keys could not be fetched: a network error, or botbuilder's 500). Either way the caller is not
 * authenticated, so it gets 401; only the log tells them apart.
 */
function tokenfel(e: unknown): { status: number; kontrollerad: boolean } {
  const fel = e as { name?: unknown; statusCode?: unknown };
  if (fel?.name === 'JsonWebTokenError' || fel?.name === 'TokenExpiredError' || fel?.name === 'NotBeforeError')
    return { status: 401, kontrollerad: true };
  if (typeof fel?.statusCode === 'number' && fel.statusCode >= 400 && fel.statusCode < 500)
    return { status: fel.statusCode, kontrollerad: true };
  return { status: 401, kontrollerad: false };
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
      const granskad = granskaAktivitet(kropp);
      if (!granskad.ok) {
        kantlogg.warn('avvisad: kroppen är ingen aktivitet av rätt form', { ...granskad.fel });
        res.send(400);
        return;
      }
      const aktivitet = granskad.aktivitet as unknown as Activity;
      if (!lage.autentiserad && !arLoopback(new URL(aktivitet.serviceUrl).hostname)) {
        // Local mode replies to whatever serviceUrl the activity names: only to this machine, never into the network.
        kantlogg.warn('avvisad: serviceUrl är inte loopback i lokalt läge', { typ: aktivitet.type });
        res.send(403);
        return;
      }
      for (const falt of ['timestamp', 'localTimestamp'] as const) {
        if (typeof aktivitet[falt] === 'string') aktivitet[falt] = new Date(aktivitet[falt] as unknown as string);
      }
      const auth = req.header('authorization') ?? '';
      const behandlare = adapter as unknown as Behandlare;
      let autentisering: object;
      try {
        autentisering = await behandlare.botFrameworkAuthentication.authenticateRequest(aktivitet, auth);
      } catch (e) {
        const { status, kontrollerad } = tokenfel(e);
        kantlogg.warn(
          kontrollerad
            ? 'avvisad: saknad eller ogiltig Bot Framework-token'
            : 'avvisad: token kunde inte kontrolleras (signeringsnycklarna gick inte att hämta)',
          { status, orsak: e as Error, typ: aktivitet.type, huvudFinns: auth !== '' },
        );
        res.send(status);
        return;
      }
      try {
        const svar = await behandlare.processActivity(autentisering, aktivitet, async (context) => {
          await app.run(context);
        });
        if (svar?.body !== undefined) res.send(svar.status ?? 200, svar.body);
        else res.send(svar?.status ?? 200);
      } catch (e) {
        logg.error('kunde inte behandla aktivitet', { fel: e as Error, typ: aktivitet.type });
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
