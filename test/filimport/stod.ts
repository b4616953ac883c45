// Test support for files sent to the bot: a loopback HTTP server that serves them, and the attachment Teams sends.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { FILNEDLADDNING } from '../../src/teams/filmottagning.js';

export interface Filserver {
  adress(namn: string): string;
  lagg(namn: string, data: Buffer): string;
  hamtningar: string[];
  stang(): Promise<void>;
}

export async function filserver(): Promise<Filserver> {
  const filer = new Map<string, Buffer>();
  const hamtningar: string[] = [];
  const server: Server = createServer((req, res) => {
    const namn = decodeURIComponent((req.url ?? '/').slice(1));
    hamtningar.push(namn);
    // a server that starts answering and never finishes
    if (namn.startsWith('langsam/')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write('PK');
      return;
    }
    const data = filer.get(namn);
    if (!data) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(data);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const adress = (namn: string) => `http://127.0.0.1:${port}/${encodeURIComponent(namn)}`;
  return {
    adress,
    lagg(namn, data) {
      filer.set(namn, data);
      return adress(namn);
    },
    hamtningar,
    stang: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The message Teams sends when a file is dropped in the bot's personal chat. */
export function filmeddelande(namn: string, downloadUrl: string): Partial<Activity> {
  return {
    type: 'message',
    text: '',
    attachments: [
      {
        contentType: FILNEDLADDNING,
        name: namn,
        content: { downloadUrl, uniqueId: '1e2d3c4b-0000-4000-8000-000000000001', fileType: namn.split('.').pop() },
      },
    ],
  };
}
