import restify from 'restify';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logg } from '../logg.js';
import type { Tillstand } from './app.js';

export interface Server {
  port: number;
  stang(): Promise<void>;
}

/** POST /api/messages for Teams, GET /healthz for whoever runs us. */
export async function startaServer(app: Application<Tillstand>, adapter: TeamsAdapter, host: string, port: number, logg: Logg): Promise<Server> {
  const server = restify.createServer({ name: 'budgetkollen', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { ok: true });
    next();
  });
  server.post('/api/messages', async (req, res) => {
    const id = (req.body as { id?: string } | undefined)?.id ?? null;
    try {
      await adapter.process(req, res, async (context) => {
        await app.run(context);
      });
    } catch (e) {
      logg.error('kunde inte behandla aktivitet', { fel: e as Error, aktivitet: id });
      if (!res.headersSent) res.send(500);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
  const address = server.address() as { port: number };
  return {
    port: address.port,
    stang: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
