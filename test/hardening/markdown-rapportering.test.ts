// Promise 4, echoed text: what a controller typed into a reporting card shows as typed in every card and
// text that echoes it (receipt, history, form errors, conflict), never as markup or a template expression.
import assert from 'node:assert/strict';
import { UTAN_RIMLIGHET } from '../support/inlamning.js';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Store } from '../../src/store/store.js';
import { type LokalAvsandare, LokalKanal } from '../../src/teams/lokalt.js';
import { CHEF_IFO, CONTROLLER_SN, testbot } from '../support/testbot.js';
import { demoStore } from '../support/demo.js';
import { kortvarningar } from '../support/kortvalidering.js';
import { SENTINELLER, kortI, kortetsMarkdown, markdowntexter, raMarkdown } from './stod.js';

const ALLT = SENTINELLER.join(' ');
const alex: LokalAvsandare = { anvandare: CONTROLLER_SN };
const megan: LokalAvsandare = { anvandare: CHEF_IFO };

function form(store: Store, enhet: string, period: string, andrat: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kortId: randomUUID(),
    grundversion: store.register.senasteVersion(enhet, period)?.version ?? 0,
    grundenhet: enhet,
    grundperiod: period,
    enhet,
    period,
    budget_ack: '21 974',
    utfall_ack: '22 500',
    budget_helar: '24 000',
    prognos_helar: '24 500',
    kommentar: 'Sena fakturor.',
    ...andrat,
  };
}

describe('härdning 4: rapporteringskortens användartext visas som den skrevs', function () {
  this.timeout(60000);
  let store: Store;
  let kanal: LokalKanal;

  before(async () => {
    store = await demoStore();
    kanal = (await testbot({ store, rimlighet: UTAN_RIMLIGHET })).kanal;
  });

  const invoke = async (verb: string, data: Record<string, unknown>) => {
    const r = await kanal.invoke(verb, data, alex);
    return { aktiviteter: r.aktiviteter, kort: r.body?.value };
  };

  const fall: Array<[string, () => Promise<{ aktiviteter: Array<Partial<Activity>>; kort?: unknown }>]> = [
    [
      'kvittot efter ett inskick med kommentar (kvitto.json, utfallskvitto)',
      () => invoke('spara_utfall', form(store, 'bou', '2025-12', { kommentar: ALLT })),
    ],
    [
      'historiken som visar kommentaren (historik.ts)',
      async () => ({ aktiviteter: await kanal.fraga('visa historik för barn och unga december', megan) }),
    ],
    [
      'formuläret med fel som upprepar ett ogiltigt belopp (granskaUtfall, belopp)',
      () => invoke('spara_utfall', form(store, 'vuxen', '2025-12', { utfall_ack: ALLT })),
    ],
    [
      'formuläret med fel som upprepar en okänd enhet (granskaUtfall, enhet)',
      () => invoke('spara_utfall', form(store, 'vuxen', '2025-12', { enhet: ALLT })),
    ],
    [
      'formuläret med fel som upprepar en ogiltig period (granskaUtfall, period)',
      () => invoke('spara_utfall', form(store, 'vuxen', '2025-12', { period: ALLT })),
    ],
    [
      'formuläret med fel: kommentaren i textversionen (utfallsformular, fältlistan)',
      () => invoke('spara_utfall', form(store, 'vuxen', '2025-12', { utfall_ack: 'x', kommentar: ALLT })),
    ],
    [
      'konfliktkortet som visar användarens värden (utfallskonflikt)',
      () => invoke('spara_utfall', { ...form(store, 'bou', '2025-12', { kommentar: `Mitt förslag ${ALLT}` }), grundversion: 0 }),
    ],
    [
      'kvittot för en åtgärd med kommentar (atgardskvitto)',
      () => {
        const a = store.register.atgarder('ifo').find((x) => x.nr === 1)!;
        return invoke('spara_atgard', {
          kortId: randomUUID(),
          grundversion: a.version,
          enhet: 'ifo',
          nr: 1,
          status: 'pågår',
          ar: '',
          besparing: '',
          kommentar: ALLT,
        });
      },
    ],
    [
      'åtgärdsformuläret med fel som upprepar en ogiltig status (granskaAtgard, status)',
      () => {
        const a = store.register.atgarder('ifo').find((x) => x.nr === 2)!;
        return invoke('spara_atgard', {
          kortId: randomUUID(),
          grundversion: a.version,
          enhet: 'ifo',
          nr: 2,
          status: ALLT,
          ar: '',
          besparing: '',
          kommentar: 'x',
        });
      },
    ],
    [
      'åtgärdsformuläret med fel som upprepar ett ogiltigt år (granskaAtgard, ar)',
      () => {
        const a = store.register.atgarder('ifo').find((x) => x.nr === 3)!;
        return invoke('spara_atgard', {
          kortId: randomUUID(),
          grundversion: a.version,
          enhet: 'ifo',
          nr: 3,
          status: 'pågår',
          ar: ALLT,
          besparing: '',
          kommentar: 'x',
        });
      },
    ],
  ];

  for (const [namn, gor] of fall) {
    it(namn, async () => {
      const { aktiviteter, kort } = await gor();
      for (const k of kortI(aktiviteter, kort)) assert.deepEqual(kortvarningar(k), [], 'kortet ger varningar');
      // The text must be there to be shown as typed: a reply that leaves it out would pass the check below.
      const texter = [...aktiviteter.flatMap(markdowntexter), ...(kort ? kortetsMarkdown(kort) : [])];
      assert.ok(
        texter.some((t) => t.includes('FETT') && t.includes('KURSIV')),
        `användarens text visas inte: ${texter.join(' | ').slice(0, 300)}`,
      );
      assert.deepEqual(raMarkdown(aktiviteter, kort), [], 'användartext visas som markdown');
    });
  }
});
