import { type IncomingMessage, type Server, createServer } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A stand-in for the Bot Connector on loopback: accepts what botbuilder's ConnectorClient sends to
 * serviceUrl (POST /v3/conversations/:id/activities[/:replyToId]) and notes when each reply arrived.
 */
export interface Sink {
  url: string;
  /** resolves with performance.now() at the arrival of the reply to the activity `id` */
  vanta(id: string, timeoutMs?: number): Promise<number>;
  /** what came in: how many replies, and whether any carried an Authorization header */
  statistik: { svar: number; medAuthorization: number; okanda: number };
  /** the size in bytes of the reply to each activity, by its id: whether two servers sent the same size of answer */
  storlekar: Map<string, number>;
  stang(): Promise<void>;
}

function läsKropp(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const delar: Buffer[] = [];
    req.on('data', (d: Buffer) => delar.push(d));
    req.on('end', () => resolve(Buffer.concat(delar).toString('utf-8')));
    req.on('error', reject);
  });
}

export async function startaSink(): Promise<Sink> {
  const ankomna = new Map<string, number>();
  const vantande = new Map<string, (t: number) => void>();
  const statistik = { svar: 0, medAuthorization: 0, okanda: 0 };
  const storlekar = new Map<string, number>();
  let raknare = 0;
  const server: Server = createServer(async (req, res) => {
    const ankomst = performance.now();
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    const kropp = await läsKropp(req).catch(() => '');
    if (req.method !== 'POST' || !m) {
      statistik.okanda++;
      res.writeHead(404).end();
      return;
    }
    if (req.headers.authorization) statistik.medAuthorization++;
    let replyTo = m[2] ? decodeURIComponent(m[2]) : '';
    if (!replyTo) {
      try {
        replyTo = (JSON.parse(kropp) as { replyToId?: string }).replyToId ?? '';
      } catch {
        /* not JSON: not a reply we wait for */
      }
    }
    statistik.svar++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sink-${++raknare}` }));
    if (!replyTo) return;
    storlekar.set(replyTo, Buffer.byteLength(kropp));
    const vantar = vantande.get(replyTo);
    if (vantar) {
      vantande.delete(replyTo);
      vantar(ankomst);
    } else if (!ankomna.has(replyTo)) ankomna.set(replyTo, ankomst);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    statistik,
    storlekar,
    vanta(id, timeoutMs = 10_000) {
      const redan = ankomna.get(id);
      if (redan !== undefined) {
        ankomna.delete(id);
        return Promise.resolve(redan);
      }
      return new Promise<number>((resolve, reject) => {
        const t = setTimeout(() => {
          vantande.delete(id);
          reject(new Error(`inget svar till ${id} inom ${timeoutMs} ms`));
        }, timeoutMs);
        vantande.set(id, (tid) => {
          clearTimeout(t);
          resolve(tid);
        });
      });
    },
    stang: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
