// Promise 3: every write path refuses a chef, an unknown user and a controller of another unit, writes nothing
// but the audit of the refusal, and says so. (Subscriptions, and the audit of refused threshold changes, are
// handed over: test/hardening/overlamnat/behorighet-larm.spec.ts.)
import assert from 'node:assert/strict';
import { UTAN_RIMLIGHET } from '../support/inlamning.js';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { kortSomText } from '../../src/cards/somText.js';
import type { Store } from '../../src/store/store.js';
import { type LokalAvsandare, LokalKanal } from '../../src/teams/lokalt.js';
import { ADMIN, CONTROLLER_SN, testbot } from '../support/testbot.js';
import { DEMO_NU, demoStore, läsbar } from '../support/demo.js';
import { OBEHORIGA, avtryck, figur, nyaHandelser } from './stod.js';

function svarstext(aktiviteter: Array<Partial<Activity>>, kort?: unknown): string {
  return läsbar(
    [
      ...aktiviteter.map((a) => [a.text ?? '', ...(a.attachments ?? []).map((b) => kortSomText(b.content))].join('\n')),
      kort ? kortSomText(kort) : '',
    ].join('\n'),
  );
}

describe('härdning 3: behörighet på varje skrivväg', function () {
  this.timeout(60000);
  let store: Store;
  let kanal: LokalKanal;
  let nekanden = 0;
  const fran = (anvandare: string): LokalAvsandare => ({ anvandare, konversation: `personlig-${anvandare}` });

  before(async () => {
    store = await demoStore();
    kanal = (await testbot({ store, rimlighet: UTAN_RIMLIGHET })).kanal;
  });

  after(() => figur('behorighet_nekanden_provade', nekanden));

  let n = 0;
  const siffror = () => ({
    kortId: randomUUID(),
    grundversion: store.register.senasteVersion('bou', '2025-11')?.version ?? 0,
    grundenhet: 'bou',
    grundperiod: '2025-11',
    enhet: 'bou',
    period: '2025-11',
    budget_ack: '21 974',
    utfall_ack: String(21000 + ++n),
    budget_helar: '24 000',
    prognos_helar: '24 000',
    kommentar: `Försök ${n}`,
  });
  const atgard = () => {
    const a = store.register.atgarder('ifo').find((x) => x.nr === 1)!;
    return {
      kortId: randomUUID(),
      grundversion: a.version,
      enhet: 'ifo',
      nr: 1,
      status: 'genomförd',
      ar: '2025',
      besparing: String(900 + ++n),
      kommentar: `Försök ${n}`,
    };
  };

  const vagar: Array<{ namn: string; atgard: string; gor: (vem: string) => Promise<string>; lyckad: RegExp }> = [
    {
      namn: 'siffror (Action.Execute spara_utfall)',
      atgard: 'spara_utfall',
      lyckad: /^Sparat: Barn och unga/m,
      gor: async (vem) => {
        const r = await kanal.invoke('spara_utfall', siffror(), fran(vem));
        assert.equal(r.status, 200);
        return svarstext(r.aktiviteter, r.body?.value);
      },
    },
    {
      namn: 'åtgärder (Action.Execute spara_atgard)',
      atgard: 'spara_atgard',
      lyckad: /^Sparat/m,
      gor: async (vem) => {
        const r = await kanal.invoke('spara_atgard', atgard(), fran(vem));
        assert.equal(r.status, 200);
        return svarstext(r.aktiviteter, r.body?.value);
      },
    },
    {
      namn: 'formuläret för siffror ("rapportera för barn och unga")',
      atgard: 'rapportera',
      lyckad: /^Rapportera siffror: Barn och unga/m,
      gor: async (vem) => svarstext(await kanal.fraga('rapportera för barn och unga', fran(vem))),
    },
    {
      namn: 'formuläret för en åtgärd ("uppdatera åtgärd 1 för IFO")',
      atgard: 'uppdatera_atgard',
      lyckad: /Åtgärd 1/,
      gor: async (vem) => svarstext(await kanal.fraga('uppdatera åtgärd 1 för IFO', fran(vem))),
    },
  ];

  for (const v of vagar) {
    for (const [vem, id] of OBEHORIGA) {
      it(`${v.namn}: ${vem} nekas, inget skrivs utom granskningen av nekandet`, async () => {
        const fore = await avtryck(store);
        const text = await v.gor(id);
        nekanden++;
        assert.equal((await avtryck(store)).data, fore.data, 'något skrevs');
        assert.doesNotMatch(text, v.lyckad, 'svaret ser ut som om det lyckades');
        assert.match(
          text,
          /kan inte rapportera|kan du inte rapportera|känner inte igen dig|Inget har sparats/,
          `inget besked om nekandet:\n${text.slice(0, 400)}`,
        );
        const nya = await nyaHandelser(store, fore);
        assert.equal(nya.length, 1, `väntade en granskningshändelse, fick ${JSON.stringify(nya.map((h) => h.typ))}`);
        assert.equal(nya[0].typ, 'nekad');
        assert.equal(nya[0].vem, id);
        assert.equal((nya[0].efter as { atgard?: string }).atgard, v.atgard);
        assert.equal(nya[0].tid, DEMO_NU.toISOString());
      });
    }
  }

  it('kontroll: controllern för enheten och administratören får skriva, och det granskas som ändringar', async () => {
    for (const vem of [CONTROLLER_SN, ADMIN]) {
      for (const v of vagar.slice(0, 2)) {
        const fore = await avtryck(store);
        const text = await v.gor(vem);
        assert.notEqual((await avtryck(store)).data, fore.data, `${v.namn} av ${vem}: inget skrevs:\n${text.slice(0, 300)}`);
        assert.ok(
          (await nyaHandelser(store, fore)).some((h) => h.vem === vem && h.typ !== 'nekad'),
          'ändringen granskades inte',
        );
      }
    }
  });

  for (const [vem, id] of OBEHORIGA) {
    it(`trösklar ("sätt varningströskel för IFO till 110 %"): ${vem} nekas och inget skrivs`, async () => {
      const fore = await avtryck(store);
      const text = svarstext(await kanal.fraga('sätt varningströskel för IFO till 110 %', fran(id)));
      nekanden++;
      assert.equal((await avtryck(store)).data, fore.data, 'något skrevs');
      assert.match(text, /ändras bara av administratörer/);
      assert.equal(store.register.trosklar.get('ifo')?.varning_procent, 101);
    });
  }

  it('kontroll: administratören får ändra tröskeln', async () => {
    const text = svarstext(await kanal.fraga('sätt varningströskel för IFO till 102 %', fran(ADMIN)));
    assert.equal(store.register.trosklar.get('ifo')?.varning_procent, 102, text);
  });
});
