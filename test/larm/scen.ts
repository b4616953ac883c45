import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { planeraLarm } from '../../src/alerts/planera.js';
import type { Enhet, Konversation, Troskel, Utskick } from '../../src/domain/schema.js';
import { type Fillagring, Store } from '../../src/store/store.js';

export const NU = new Date('2025-12-10T12:00:00Z');

/** A small organisation: kommun → sn (nämnd) → ifo (verksamhetsområde) → bou, vuxen (verksamheter). */
export const TRAD: Enhet[] = [
  { id: 'kommun', namn: 'Testkommun', typ: 'kommun', foralder: null, alias: [] },
  { id: 'sn', namn: 'Socialnämnden', typ: 'nämnd', foralder: 'kommun', alias: ['SN'] },
  { id: 'ifo', namn: 'Individ- och familjeomsorg', typ: 'verksamhetsområde', foralder: 'sn', alias: ['IFO'] },
  { id: 'bou', namn: 'Barn och unga', typ: 'verksamhet', foralder: 'ifo', alias: [] },
  { id: 'vuxen', namn: 'Vuxen och missbruk', typ: 'verksamhet', foralder: 'ifo', alias: [] },
];

export function konversation(id: string, typ: Konversation['typ'] = 'channel', aktiv = true): Konversation {
  return {
    id,
    typ,
    namn: id,
    aktiv,
    installerad: NU.toISOString(),
    team: null,
    referens: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.invalid/',
      conversation: { id, conversationType: typ },
      bot: { id: '28:bot' },
    },
  };
}

export interface Scen {
  store: Fillagring;
  /** A new version of a unit's figures, stored with alert planning in the same transaction, as a card submit does. */
  rapportera(
    enhet: string,
    period: string,
    budget: number,
    utfall: number,
    prognos?: { budget: number; prognos: number },
  ): Promise<Utskick[]>;
  prenumerera(konv: string, enhet: string, procent?: number | null): Promise<void>;
  troskel(t: Partial<Troskel> & { enhet: string }): Promise<void>;
  nya(): Utskick[];
}

/** A fresh store with TRAD and a conversation "kanal-1", driven the way the bot writes. */
export async function scen(klocka: () => Date = () => new Date(NU)): Promise<Scen> {
  const fil = join(mkdtempSync(join(tmpdir(), 'budgetkollen-larm-')), 'store.json');
  const store = await Store.oppna(fil, klocka);
  await store.ändra({ vem: 'test', kalla: 'system' }, (tx) => {
    for (const e of TRAD) tx.sätt('enheter', e);
    tx.sätt('konversationer', konversation('kanal-1'));
  });
  let sett = 0;
  const s: Scen = {
    store,
    async rapportera(enhet, period, budget, utfall, prognos) {
      const fore = store.dokument.utskick.length;
      await store.ändra({ vem: 'controller', kalla: 'kort' }, (tx) => {
        const v = tx.register.senasteVersion(enhet, period);
        tx.lagg('utfall', {
          enhet,
          period,
          budget_ack: budget,
          utfall_ack: utfall,
          budget_helar: prognos?.budget ?? null,
          prognos_helar: prognos?.prognos ?? null,
          kommentar: null,
          kalla: 'kort',
          version: (v?.version ?? 0) + 1,
          rapporterad_av: 'controller',
          rapporterad: tx.nu.toISOString(),
        });
        planeraLarm(tx, [{ enhet, period }]);
      });
      return store.dokument.utskick.slice(fore);
    },
    async prenumerera(konv, enhet, procent = null) {
      await store.ändra({ vem: 'test', kalla: 'chatt' }, (tx) => {
        if (!tx.register.dokument.konversationer.some((k) => k.id === konv)) tx.sätt('konversationer', konversation(konv));
        tx.sätt('prenumerationer', { konversation: konv, enhet, skapad_av: 'test', skapad: tx.nu.toISOString(), aktiv: true, procent });
      });
    },
    async troskel(t) {
      await store.ändra({ vem: 'test', kalla: 'chatt' }, (tx) =>
        tx.sätt('trosklar', {
          varning_procent: null,
          kritisk_procent: null,
          varning_prognos_tkr: null,
          kritisk_prognos_tkr: null,
          ...t,
        }),
      );
    },
    nya() {
      const ut = store.dokument.utskick.slice(sett);
      sett = store.dokument.utskick.length;
      return ut;
    },
  };
  return s;
}

/** What an outbox entry is, in one comparable line: "kanal-1 ifo 2025-11 varning". */
export function kort(u: Utskick): string {
  return `${u.konversation} ${u.enhet} ${u.period} ${u.slag}`;
}

/** Activity fields for a message in a Teams channel thread (the channel id plus ";messageid="). */
export function iKanal(kanal: string, team: string, tenant = 'lokal'): Partial<Activity> {
  return {
    conversation: {
      id: `${kanal};messageid=1765360000000`,
      conversationType: 'channel',
      isGroup: true,
      name: 'Budgetlarm',
      tenantId: tenant,
    },
    channelData: { tenant: { id: tenant }, team: { id: team, name: 'Ekonomi' }, channel: { id: kanal, name: 'Budgetlarm' } },
  };
}

export const TEAM = '19:ekonomi-general@thread.tacv2';
export const KANAL = '19:ekonomi-budgetlarm@thread.tacv2';
const NAMNROP = { type: 'mention', mentioned: { id: '28:budgetkollen', name: 'Budgetkollen' }, text: '<at>Budgetkollen</at>' };

/** A message in the team's Budgetlarm channel that @-mentions the bot, as Teams sends it. */
export function kanalmeddelande(text: string, kanal = KANAL, team = TEAM): Partial<Activity> {
  return { type: 'message', text: `<at>Budgetkollen</at> ${text}`, entities: [NAMNROP], ...iKanal(kanal, team) };
}
