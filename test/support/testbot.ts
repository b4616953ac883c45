// The shared test fixture: the demo organisation's users, and the real teams-ai Application over a store,
// driven through botbuilder's TestAdapter (src/teams/lokalt.ts). Playground start-up is test/support/playground.ts.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { kortSomText } from '../../src/cards/somText.js';
import { type Config, läsConfig } from '../../src/config.js';
import type { Rimlighetsgranser } from '../../src/domain/rimlighet.js';
import { type Logg, tystLogg } from '../../src/logg.js';
import type { Filgranser } from '../../src/domain/nedladdning.js';
import type { Store } from '../../src/store/store.js';
import { skapaAdapter } from '../../src/teams/adapter.js';
import { type Tillstand, skapaApp } from '../../src/teams/app.js';
import { type LokalAvsandare, LokalKanal } from '../../src/teams/lokalt.js';
import { type Server, startaServer } from '../../src/teams/server.js';
import { DEMO_NU, demoStore, läsbar } from './demo.js';
import { type Kortjson, kontrolleraKort } from './kort.js';

/** The demo organisation's users (data/demo/anvandare.csv), as Teams names them. */
export const ALEX: LokalAvsandare = { anvandare: '00000000-0000-0000-0000-0000000000020', namn: 'Alex Wilber' };
export const MEGAN: LokalAvsandare = { anvandare: '00000000-0000-0000-0000-0000000000021', namn: 'Megan Bowen' };
export const ADELE: LokalAvsandare = { anvandare: '00000000-0000-0000-0000-0000000000022', namn: 'Adele Vance' };
export const ISAIAH: LokalAvsandare = { anvandare: '00000000-0000-0000-0000-0000000000023', namn: 'Isaiah Langer' };
/** Nobody the store knows. */
export const OKAND: LokalAvsandare = { anvandare: '11111111-2222-3333-4444-555555555555', namn: 'Okänd Person' };

/** Alex Wilber, controller for Socialnämnden. */
export const CONTROLLER_SN = ALEX.anvandare;
/** Megan Bowen, chef for Individ- och familjeomsorg. */
export const CHEF_IFO = MEGAN.anvandare;
/** Adele Vance, administrator. */
export const ADMIN = ADELE.anvandare;
/** Isaiah Langer, controller for Servicenämnden, Bildningsnämnden and Myndighetsnämnden (not Socialnämnden). */
export const CONTROLLER_ANNAN = ISAIAH.anvandare;

/** What a person sees of a reply: its text, or its card's text and the card's fallback. */
export function synligText(a: Partial<Activity>): string {
  const delar = [a.text ?? ''];
  for (const b of a.attachments ?? []) delar.push((b.content as { fallbackText?: string }).fallbackText ?? '', kortSomText(b.content));
  return läsbar(delar.filter(Boolean).join('\n')).replace(/\*\*/g, '');
}

export interface Botval {
  /** the demo data in a fresh temporary store unless given */
  store?: Store;
  klocka?: () => Date;
  logg?: Logg;
  tillatnaTenants?: string[];
  adapter?: TeamsAdapter;
  botAppId?: string;
  uppladdningMs?: number;
  rimlighet?: Rimlighetsgranser;
  filgranser?: Filgranser;
}

export interface Testbot {
  store: Store;
  app: Application<Tillstand>;
  kanal: LokalKanal;
  /** Writes in the personal chat (Megan unless someone else) and returns what the bot sent. */
  fraga(text: string, fran?: Partial<LokalAvsandare>): Promise<Partial<Activity>[]>;
  /** The same, with the reply as the person reads it. */
  svar(text: string, fran?: Partial<LokalAvsandare>): Promise<{ text: string; aktiviteter: Partial<Activity>[] }>;
  /** Presses an Action.Execute button and returns the card that replaces the pressed one, checked. */
  execute(verb: string, data: Record<string, unknown>, fran: LokalAvsandare, replyToId?: string): Promise<Kortjson>;
}

/** The real teams-ai Application (src/teams/app.ts) over the demo data or a given store, without a network. */
export async function testbot(val: Botval = {}): Promise<Testbot> {
  const klocka = val.klocka ?? (() => new Date(DEMO_NU));
  const store = val.store ?? (await demoStore(klocka));
  const app = skapaApp({
    store,
    logg: val.logg ?? tystLogg,
    klocka,
    adapter: val.adapter,
    botAppId: val.botAppId,
    tillatnaTenants: val.tillatnaTenants,
    uppladdningMs: val.uppladdningMs,
    rimlighet: val.rimlighet,
    filgranser: val.filgranser,
  });
  const kanal = new LokalKanal(app);
  const fraga = (text: string, fran: Partial<LokalAvsandare> = {}) => kanal.fraga(text, { anvandare: MEGAN.anvandare, ...fran });
  return {
    store,
    app,
    kanal,
    fraga,
    async svar(text, fran) {
      const aktiviteter = await fraga(text, fran);
      const text_ = aktiviteter
        .filter((a) => a.type === 'message')
        .map(synligText)
        .join('\n');
      return { text: text_, aktiviteter };
    },
    async execute(verb, data, fran, replyToId) {
      const svar = await kanal.invoke(verb, data, fran, replyToId);
      assert.equal(svar.status, 200);
      assert.equal(svar.body?.type, 'application/vnd.microsoft.card.adaptive');
      return kontrolleraKort(svar.body?.value);
    },
  };
}

export interface Httpbot {
  app: Application<Tillstand>;
  server: Server;
  config: Config;
}

/**
 * The bot as `npm start` runs it, in this process: configuration from `env` (port 0 unless given), the adapter
 * with botbuilder's token checks, the Application and the restify server on loopback.
 */
export async function httpbot(
  store: Store,
  env: Record<string, string> = {},
  val: { logg?: Logg; tidsgransMs?: number; fore?: (app: Application<Tillstand>) => void } = {},
): Promise<Httpbot> {
  const config = läsConfig({ PORT: '0', ...env });
  const logg = val.logg ?? tystLogg;
  const adapter = skapaAdapter(config, logg, val.tidsgransMs);
  const app = skapaApp({
    store,
    logg,
    klocka: () => new Date(DEMO_NU),
    adapter,
    botAppId: config.botId || undefined,
    tillatnaTenants: config.allowedTenants,
  });
  val.fore?.(app);
  const server = await startaServer(app, adapter, config, logg);
  return { app, server, config };
}
