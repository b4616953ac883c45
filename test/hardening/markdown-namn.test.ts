// Issue 12.10: names from the organisation's files (units, users, measures, key figures) and group-chat names were
// rendered as markdown in cards and messages, so a unit named "**X** [a](http://e) <at>y</at>" showed bold, a link
// and a mention. They are escaped like comments, once, on the finished answer (src/answers/namnskydd.ts).
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { namnMedMarkup, skyddaSvar } from '../../src/answers/namnskydd.js';
import { sakindex } from '../../src/language/sakindex.js';
import { läsImportmapp } from '../../src/store/import.js';
import type { Store } from '../../src/store/store.js';
import type { LokalKanal } from '../../src/teams/lokalt.js';
import { importera } from '../../src/usecases/import.js';
import { ADMIN, CONTROLLER_SN } from '../support/testbot.js';
import { testbot } from '../support/testbot.js';
import { DEMO, demoStore } from '../support/demo.js';
import { markdowntexter } from './stod.js';

const NAMN = '**X** [a](http://e) <at>y</at>';
const SOM_SKRIVET = '\\*\\*X\\*\\* \\[a\\](http://e) \\<at\\>y\\</at\\>';
const ATGARD = '_Minska_ **allt** <at>Alla</at>';
const ATGARD_SOM_SKRIVEN = '\\_Minska\\_ \\*\\*allt\\*\\* \\<at\\>Alla\\</at\\>';

/** What Teams would render from the replies, and the check that the name is there only as written. */
function sesSomSkrivet(aktiviteter: Array<Partial<Activity>>, namn: string, somSkrivet: string): void {
  const texter = aktiviteter.flatMap(markdowntexter);
  const allt = texter.join('\n');
  assert.ok(allt.includes(somSkrivet), `namnet syns inte som det skrevs:\n${allt.slice(0, 1500)}`);
  for (const t of texter) assert.ok(!t.split(somSkrivet).join('').includes(namn), `namnet som markdown i: ${t.slice(0, 400)}`);
}

describe('namn ur filerna och Teams visas som de skrevs, inte som markdown (issue 12.10)', function () {
  this.timeout(60000);
  let store: Store;
  let kanal: LokalKanal;

  before(async () => {
    store = await demoStore();
    const filer = läsImportmapp(DEMO);
    const lagg = (fil: 'enheter.csv' | 'utfall.csv' | 'atgarder.csv', rad: string) => {
      filer[fil] = Buffer.from(`${filer[fil]!.toString('utf-8').trimEnd()}\n${rad}\n`);
    };
    lagg('enheter.csv', `xenhet;${NAMN};enhet;ifo;xenheten`);
    lagg('utfall.csv', 'xenhet;2025-11;1000;1300;12000;13500;;syntetisk');
    lagg('atgarder.csv', `xenhet;1;${ATGARD};Chef;Q1 2026;Månadsvis;A;pågår;;;;;;`);
    await importera(store, filer);
    kanal = (await testbot({ store })).kanal;
  });

  it('statussvaret för enheten: svarstexten och kortet visar namnet som det skrevs', async () => {
    const svar = await kanal.fraga('hur går det för xenheten?', { anvandare: CONTROLLER_SN });
    sesSomSkrivet(svar, NAMN, SOM_SKRIVET);
  });

  it('enheten i nedbrytningen under IFO och i åtgärdslistan', async () => {
    sesSomSkrivet(await kanal.fraga('bryt ned ifo', { anvandare: CONTROLLER_SN }), NAMN, SOM_SKRIVET);
    sesSomSkrivet(await kanal.fraga('vilka åtgärder har xenheten?', { anvandare: CONTROLLER_SN }), ATGARD, ATGARD_SOM_SKRIVEN);
  });

  it('en gruppchatts namn från Teams med markup: sparas som det kom och visas escapat där det skrivs ut', async () => {
    const grupp = '**Ekonomi** <at>Alla</at>';
    await kanal.skicka(
      {
        type: 'message',
        text: 'prenumerera på larm för xenheten',
        conversation: {
          id: '19:grupp-markup@thread.v2',
          conversationType: 'groupChat',
          isGroup: true,
          name: grupp,
          tenantId: 'lokal',
        } as never,
      },
      { anvandare: ADMIN },
    );
    await store.vanta();
    assert.equal(store.dokument.konversationer.find((k) => k.id === '19:grupp-markup@thread.v2')?.namn, grupp);
    assert.ok(namnMedMarkup(store.register).includes(grupp));
    const svar = skyddaSvar({ text: `Larm går till ${grupp} och gäller ${NAMN}.` }, store.register);
    assert.equal(svar.text, 'Larm går till \\*\\*Ekonomi\\*\\* \\<at\\>Alla\\</at\\> och gäller ' + SOM_SKRIVET + '.');
  });
  // The list of names with markup is kept until a name can have changed: saved figures and a measure's new status
  // leave it (a scan of every name costs milliseconds at 10 000 units), a new title or user name renews it.
  it('en ny åtgärdstitel eller ett nytt användarnamn med markup skyddas också när listan redan är byggd', async () => {
    const fore = namnMedMarkup(store.register);
    const index = sakindex(store.register);
    const a = store.register.atgarder('xenhet').find((x) => x.nr === 1)!;
    const aktor = { vem: ADMIN, kalla: 'chatt' as const };
    await store.ändra(aktor, (tx) => {
      tx.sätt('atgarder', { ...a, status: 'genomförd', version: a.version + 1 });
      tx.lagg('utfall', { ...store.register.senasteVersion('xenhet', '2025-11')!, utfall_ack: 1310, version: 2 });
    });
    assert.equal(namnMedMarkup(store.register), fore, 'listan byggdes om fast inget namn ändrades');
    assert.equal(sakindex(store.register), index, 'tolkningens namnindex byggdes om fast ingen titel ändrades');

    const titel = 'Ny _titel_ för **xenheten**';
    const person = '**Chefen** [länk](http://e)';
    const anvandare = store.register.anvandare.get(ADMIN)!;
    await store.ändra(aktor, (tx) => {
      tx.sätt('atgarder', { ...store.register.atgarder('xenhet').find((x) => x.nr === 1)!, atgard: titel, version: a.version + 2 });
      tx.sätt('anvandare', { ...anvandare, namn: person });
    });
    assert.ok(namnMedMarkup(store.register).includes(titel), 'den nya titeln saknas');
    assert.ok(namnMedMarkup(store.register).includes(person), 'det nya användarnamnet saknas');
    assert.notEqual(sakindex(store.register), index);
    assert.equal(skyddaSvar({ text: titel }, store.register).text, 'Ny \\_titel\\_ för \\*\\*xenheten\\*\\*');
  });
});
