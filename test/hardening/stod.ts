// Shared by the hardening tests: a loopback Bot Connector with scripted faults, Bot Framework tokens signed
// with throwaway keys, what a card shows as markdown, and the figures each run reports for docs/reliability.md.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import type { Handelse } from '../../src/domain/schema.js';
import type { Store } from '../../src/store/store.js';
import { CHEF_IFO, CONTROLLER_ANNAN, OKAND } from '../support/testbot.js';

/** Users who may not report or change alerts for Socialnämnden's units, by id. */
export const OBEHORIGA: Array<[string, string]> = [
  ['en chef (Megan, chef för IFO)', CHEF_IFO],
  ['en okänd användare', OKAND.anvandare],
  ['en controller för en annan nämnd (Isaiah)', CONTROLLER_ANNAN],
];

/** The document except its audit events, and the audit log's length (the whole log, beside the document). */
export async function avtryck(store: Store): Promise<{ data: string; handelser: number }> {
  const { handelser: _iMinnet, ...resten } = store.dokument;
  return { data: JSON.stringify(resten), handelser: (await store.granskningslogg()).length };
}

/** The audit events added since `fore`. */
export async function nyaHandelser(store: Store, fore: { handelser: number }): Promise<Handelse[]> {
  return (await store.granskningslogg()).slice(fore.handelser);
}

// ---- figures of the run ---------------------------------------------------------------------------------

const FIGURFIL = join(process.cwd(), 'test-results', 'hardening.json');
const figurer: Record<string, unknown> = {};

/** Records a figure of this run (fuzz cases, kills, writes); written to test-results/hardening.json. */
export function figur(namn: string, varde: unknown): void {
  figurer[namn] = varde;
  let fore: Record<string, unknown> = {};
  try {
    fore = JSON.parse(readFileSync(FIGURFIL, 'utf-8')) as Record<string, unknown>;
  } catch {
    /* first figure of the run */
  }
  mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
  writeFileSync(FIGURFIL, `${JSON.stringify({ ...fore, ...figurer, uppdaterad: new Date().toISOString() }, null, 2)}\n`);
}

/** The store as it is on disk (snapshot and journal) and in memory. */
export function lagrat(store: Store): string {
  const läs = (f: string) => (existsSync(f) ? readFileSync(f, 'utf-8') : '');
  return `${läs(store.plats)}\n${läs(`${store.plats}.journal`)}\n${JSON.stringify(store.dokument)}`;
}

// ---- a Bot Connector on loopback ------------------------------------------------------------------------

export type Connectorsvar = { status: number; retryAfter?: number; kropp?: unknown; fordrojningMs?: number } | 'hang' | 'stang';

export interface Mottaget {
  metod: string;
  sokvag: string;
  auth: string | undefined;
  kropp: Partial<Activity>;
  status: number | 'hang' | 'stang';
}

/**
 * A stand-in Bot Connector: answers each request with the next scripted answer (then with `standard`),
 * and records every request and what it answered.
 */
export class Connectorstub {
  readonly mottaget: Mottaget[] = [];
  private ko: Connectorsvar[] = [];
  standard: Connectorsvar = { status: 200 };
  private server!: HttpServer;
  private hangande: ServerResponse[] = [];
  url = '';
  /** Called as each request arrives, and once it has been answered. */
  vidMottagning: (m: Mottaget) => void = () => undefined;
  efterSvar: (m: Mottaget) => void = () => undefined;

  static async starta(port = 0): Promise<Connectorstub> {
    const s = new Connectorstub();
    s.server = createServer((req, res) => s.hantera(req, res));
    await new Promise<void>((r) => s.server.listen(port, '127.0.0.1', r));
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  /** The next answers, in order. */
  svara(...svar: Connectorsvar[]): this {
    this.ko.push(...svar);
    return this;
  }

  /** Requests that delivered something (answered 2xx). */
  levererade(): Mottaget[] {
    return this.mottaget.filter((m) => typeof m.status === 'number' && m.status < 300);
  }

  private hantera(req: IncomingMessage, res: ServerResponse): void {
    let data = '';
    req.on('data', (d) => {
      data += d;
    });
    req.on('end', () => {
      const svar = this.ko.shift() ?? this.standard;
      let kropp: Partial<Activity> = {};
      try {
        kropp = data ? (JSON.parse(data) as Partial<Activity>) : {};
      } catch {
        /* recorded as empty */
      }
      const m: Mottaget = {
        metod: req.method ?? '',
        sokvag: req.url ?? '',
        auth: req.headers.authorization,
        kropp,
        status: typeof svar === 'string' ? svar : svar.status,
      };
      this.mottaget.push(m);
      this.vidMottagning(m);
      if (svar === 'hang') {
        this.hangande.push(res);
        return;
      }
      if (svar === 'stang') {
        req.socket.destroy();
        return;
      }
      const huvud: Record<string, string> = { 'content-type': 'application/json' };
      if (svar.retryAfter !== undefined) huvud['retry-after'] = String(svar.retryAfter);
      const kroppen = JSON.stringify(
        svar.kropp ??
          (svar.status < 300
            ? { id: `svar-${this.mottaget.length}` }
            : {
                error: {
                  code: svar.status === 403 ? 'BotNotInConversationRoster' : 'ServiceError',
                  message: `stubben svarade ${svar.status}`,
                },
              }),
      );
      const svara = () => {
        if (res.destroyed) return;
        res.writeHead(svar.status, huvud);
        res.end(kroppen, () => this.efterSvar(m));
      };
      if (svar.fordrojningMs) setTimeout(svara, svar.fordrojningMs);
      else svara();
    });
  }

  async stang(): Promise<void> {
    for (const r of this.hangande) r.socket?.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

// ---- Bot Framework tokens --------------------------------------------------------------------------------

export const NYCKEL_ID = 'budgetkollen-testnyckel';

export interface Nyckelpar {
  privat: KeyObject;
  publikPem: string;
}

export function nyckelpar(): Nyckelpar {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privat: privateKey, publikPem: publicKey.export({ type: 'spki', format: 'pem' }) as string };
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** An RS256 JWT shaped like the Bot Connector's, signed with `privat`. */
export function jwt(privat: KeyObject, claims: Record<string, unknown>, huvud: Record<string, unknown> = {}): string {
  const h = b64({ alg: 'RS256', typ: 'JWT', kid: NYCKEL_ID, ...huvud });
  const p = b64(claims);
  return `${h}.${p}.${createSign('RSA-SHA256').update(`${h}.${p}`).sign(privat).toString('base64url')}`;
}

export function connectorClaims(botId: string, serviceUrl: string, andrat: Record<string, unknown> = {}): Record<string, unknown> {
  const nu = Math.floor(Date.now() / 1000);
  return { iss: 'https://api.botframework.com', aud: botId, nbf: nu - 60, exp: nu + 3600, serviceurl: serviceUrl, ...andrat };
}

// ---- what a person sees ----------------------------------------------------------------------------------

/** Every string Teams renders as markdown in a reply: message text, TextBlocks, facts, the card's fallback text. */
export function markdowntexter(a: Partial<Activity>): string[] {
  const ut: string[] = [];
  if (typeof a.text === 'string') ut.push(a.text);
  for (const b of a.attachments ?? []) ut.push(...kortetsMarkdown(b.content));
  return ut;
}

export function kortetsMarkdown(kort: unknown): string[] {
  const ut: string[] = [];
  const besok = (n: unknown): void => {
    if (Array.isArray(n)) {
      n.forEach(besok);
      return;
    }
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') ut.push(o.text);
    if (o.type === 'FactSet')
      for (const f of (o.facts as Array<{ title?: unknown; value?: unknown }>) ?? []) ut.push(String(f.title ?? ''), String(f.value ?? ''));
    if (o.type === 'AdaptiveCard' && typeof o.fallbackText === 'string') ut.push(o.fallbackText);
    for (const [k, v] of Object.entries(o)) if (k !== 'data' && typeof v === 'object') besok(v);
  };
  besok(kort);
  return ut;
}

/** Every Adaptive Card in the activities, including an invoke response's card. */
export function kortI(aktiviteter: Array<Partial<Activity>>, invokeKort?: unknown): unknown[] {
  const kort = aktiviteter.flatMap((a) =>
    (a.attachments ?? []).filter((b) => b.contentType === 'application/vnd.microsoft.card.adaptive').map((b) => b.content),
  );
  return invokeKort ? [...kort, invokeKort] : kort;
}

/** Typed by a user; each would render as something else if echoed raw into markdown. */
export const SENTINELLER = [
  '**FETT**',
  '_KURSIV_',
  '<at>Alla</at>',
  '${brytmall}',
  '[länk](https://evil.example)',
  '`kod`',
  '<b>fet</b>',
  '\n- punkt',
];

/** The same sequences unescaped, as they must never appear in rendered text (the bot's own text has none). */
const RAA: Array<[string, RegExp]> = [
  ['**FETT**', /(?<!\\)\*(?<!\\)\*FETT/],
  ['_KURSIV_', /(?<!\\)_KURSIV(?<!\\)_/],
  ['<at>', /(?<!\\)<at/],
  ['${…}', /\$\{brytmall/],
  ['[länk](…)', /(?<!\\)\[länk(?<!\\)\]\(/],
  ['`kod`', /(?<!\\)`kod/],
  ['<b>', /(?<!\\)<b>/],
  ['- punkt', /^\s*- punkt/m],
];

/** Where a reply shows user text as markdown: each raw sequence found, with its surroundings. */
export function raMarkdown(aktiviteter: Array<Partial<Activity>>, invokeKort?: unknown): string[] {
  const texter = [...aktiviteter.flatMap(markdowntexter), ...(invokeKort ? kortetsMarkdown(invokeKort) : [])];
  return texter.flatMap((t) =>
    RAA.filter(([, r]) => r.test(t)).map(([namn, r]) => {
      const i = t.search(r);
      return `${namn} i ${JSON.stringify(t.slice(Math.max(0, i - 40), i + 40))}`;
    }),
  );
}

export function vanta(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `villkor` holds, or fails after `ms`. */
export async function tills(villkor: () => boolean | Promise<boolean>, ms: number, vad: string): Promise<void> {
  const slut = Date.now() + ms;
  while (!(await villkor())) {
    if (Date.now() > slut) throw new Error(`väntade förgäves i ${ms} ms på: ${vad}`);
    await vanta(10);
  }
}
