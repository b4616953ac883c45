// Test support for the reporting round: the demo organisation with deadlines and installed personal chats.
import { installera } from '../../src/usecases/installation.js';
import type { Rapporteringsplan } from '../../src/domain/schema.js';
import type { Store } from '../../src/store/store.js';
import { tystLogg } from '../../src/logg.js';
import { ADMIN, ALEX, CHEF_IFO, CONTROLLER_ANNAN, ISAIAH, MEGAN } from '../support/testbot.js';

/** The demo's leaf units under Socialnämnden (Alex reports) and under the other nämnder (Isaiah). */
export const SN_ENHETER = [
  'hemtjanst',
  'sabo',
  'korttid',
  'hsl',
  'gruppbostad',
  'daglig',
  'persass',
  'bou',
  'vuxen',
  'ekbistand',
  'flykting',
];
export const ANDRA_ENHETER = [
  'planfast',
  'ami',
  'kost',
  'raddning',
  'fritidkultur',
  'forskola',
  'grundskola',
  'gymvux',
  'kulturskola',
  'miljobygg',
];

export function regel(p: Partial<Rapporteringsplan> & { enhet: string }): Rapporteringsplan {
  return {
    period: null,
    frist: 'arbetsdag',
    arbetsdag: 5,
    datum: null,
    uppehall: [],
    paminn_dagar: null,
    klockslag: null,
    andrad_av: ADMIN,
    andrad: '2025-12-01T08:00:00.000Z',
    ...p,
  };
}

/** The municipality reports by working day 5 with July off; Socialnämnden by working day 3, reminded at 07:30. */
export async function medPlan(store: Store): Promise<void> {
  await store.ändra({ vem: ADMIN, kalla: 'import' }, (tx) => {
    tx.sätt('rapporteringsplaner', regel({ enhet: 'kommun', uppehall: [7] }));
    tx.sätt('rapporteringsplaner', regel({ enhet: 'sn', arbetsdag: 3, klockslag: '07:30' }));
  });
}

/** The personal chat of a user as Teams installs it. */
export function personligKonversation(anvandare: string): string {
  return `a:personlig-${anvandare}`;
}

/** Alex, Isaiah and Megan have installed the bot in their personal chat; Adele (admin) has not. */
export async function installeraPersonligt(store: Store, vilka = [ALEX.anvandare, CONTROLLER_ANNAN, CHEF_IFO]): Promise<void> {
  for (const anvandare of vilka) {
    const id = personligKonversation(anvandare);
    await installera(store, tystLogg, {
      id,
      typ: 'personal',
      namn: undefined,
      team: null,
      anvandare,
      referens: {
        channelId: 'msteams',
        serviceUrl: 'https://smba.invalid/',
        conversation: { id, conversationType: 'personal', tenantId: 'lokal' },
        user: { id: `29:${anvandare}`, aadObjectId: anvandare },
        bot: { id: '28:budgetkollen' },
      },
    });
  }
}

export { ALEX, ISAIAH, MEGAN };
