// Promise 6: 200 submissions at once over 20 units and 2 months through the Application, with same-unit races,
// stale versions and retried cards: every acknowledged submission is stored exactly once, versions stay
// consecutive, and every loser of a race is told so.
import assert from 'node:assert/strict';
import { UTAN_RIMLIGHET } from '../support/inlamning.js';
import { randomUUID } from 'node:crypto';
import { kortSomText } from '../../src/cards/somText.js';
import { skapaLogg } from '../../src/logg.js';
import type { Store } from '../../src/store/store.js';
import { LokalKanal } from '../../src/teams/lokalt.js';
import { CONTROLLER_ANNAN, CONTROLLER_SN, type Testbot, testbot } from '../support/testbot.js';
import { demoStore, läsbar } from '../support/demo.js';
import { kortvarningar } from '../support/kortvalidering.js';
import { figur } from './stod.js';

const SN = ['hemtjanst', 'sabo', 'korttid', 'hsl', 'gruppbostad', 'daglig', 'persass', 'bou', 'vuxen', 'ekbistand', 'flykting'];
const OVRIGA = ['planfast', 'ami', 'kost', 'raddning', 'fritidkultur', 'forskola', 'grundskola', 'gymvux', 'kulturskola'];
const PERIODER = ['2025-11', '2025-12'];

interface Inskick {
  nr: number;
  vem: string;
  data: Record<string, unknown>;
  gammal: boolean;
  kopia: boolean;
}
interface Utfall {
  inskick: Inskick;
  text: string;
  kvitto: { version: number } | null;
  konflikt: boolean;
}

describe('härdning 6: samtidiga inskick', function () {
  this.timeout(120000);
  let store: Store;
  let app: Testbot['app'];
  const loggrader: string[] = [];

  before(async () => {
    store = await demoStore();
    ({ app } = await testbot({ store, rimlighet: UTAN_RIMLIGHET, logg: skapaLogg('warn', {}, (r) => loggrader.push(r)) }));
  });

  /** Presses "Skicka" on its own TestAdapter, so 200 can be in flight at once against one Application and store. */
  async function skicka(i: Inskick): Promise<Utfall> {
    const svar = await new LokalKanal(app).invoke('spara_utfall', i.data, { anvandare: i.vem });
    assert.equal(svar.status, 200, `inskick ${i.nr}: ${svar.status}`);
    const kort = svar.body?.value;
    assert.deepEqual(kortvarningar(kort), [], `inskick ${i.nr}: kortet ger varningar`);
    const text = läsbar(kortSomText(kort));
    const sparat = /^Sparat: .*\nVersion (\d+) ·/m.exec(text);
    return { inskick: i, text, kvitto: sparat ? { version: Number(sparat[1]) } : null, konflikt: /^Någon hann före/m.test(text) };
  }

  it('200 inskick på en gång: varje kvitterat finns exakt en gång, versionerna är 1..n, förlorarna får veta det', async () => {
    const fore = new Map<string, number>();
    for (const e of [...SN, ...OVRIGA]) for (const p of PERIODER) fore.set(`${e}|${p}`, store.register.senasteVersion(e, p)?.version ?? 0);
    const enheter = [...SN, ...OVRIGA];
    assert.equal(enheter.length, 20);

    // 5 per unit and month, all built from the version stored before the burst: the same-unit race.
    // Some were built from an older version still (stale), and some are a retry of the same card.
    const inskick: Inskick[] = [];
    let nr = 0;
    for (const enhet of enheter) {
      for (const period of PERIODER) {
        const v = fore.get(`${enhet}|${period}`)!;
        for (let j = 0; j < 5; j++) {
          const gammal = j === 4 && v > 0;
          const kopia = j === 3;
          const data = kopia
            ? inskick[inskick.length - 1].data
            : {
                kortId: randomUUID(),
                grundversion: gammal ? v - 1 : v,
                grundenhet: enhet,
                grundperiod: period,
                enhet,
                period,
                budget_ack: '10 000',
                utfall_ack: String(9000 + nr * 3).replace(/\B(?=(\d{3})+$)/, ' '),
                budget_helar: '120 000',
                prognos_helar: '121 000',
                kommentar: `Inskick ${nr}`,
              };
          // Alex reports for Socialnämnden, Isaiah for Servicenämnden and Bildningsnämnden.
          inskick.push({ nr: nr++, vem: SN.includes(enhet) ? CONTROLLER_SN : CONTROLLER_ANNAN, data, gammal, kopia });
        }
      }
    }
    assert.equal(inskick.length, 200);
    // Shuffled, so the race is not decided by the order they were built in.
    for (let i = inskick.length - 1; i > 0; i--) {
      const j = (i * 7919 + 13) % (i + 1);
      [inskick[i], inskick[j]] = [inskick[j], inskick[i]];
    }

    const start = Date.now();
    const utfall = await Promise.all(inskick.map(skicka));
    const ms = Date.now() - start;

    assert.deepEqual(
      loggrader.map((r) => JSON.parse(r) as { niva: string }).filter((r) => r.niva === 'error'),
      [],
      'fel i turerna',
    );
    for (const u of utfall)
      assert.ok(u.kvitto || u.konflikt, `inskick ${u.inskick.nr} fick varken kvitto eller besked om konflikt:\n${u.text.slice(0, 400)}`);

    let kvitterade = 0;
    let forlorare = 0;
    for (const enhet of enheter) {
      for (const period of PERIODER) {
        const v0 = fore.get(`${enhet}|${period}`)!;
        const egna = utfall.filter((u) => u.inskick.data.enhet === enhet && u.inskick.data.period === period);
        const versioner = store.register.versionerFor(enhet, period);
        assert.deepEqual(
          versioner.map((x) => x.version),
          versioner.map((_, i) => i + 1),
          `${enhet} ${period}: versionerna är inte 1..n`,
        );
        // Exactly one new version: the winner of the race; the retry of the same card answers with its receipt.
        assert.equal(versioner.length, v0 + 1, `${enhet} ${period}: ${versioner.length - v0} nya versioner`);
        const ny = versioner[versioner.length - 1];
        for (const u of egna) {
          if (u.kvitto) {
            kvitterade++;
            assert.equal(u.kvitto.version, v0 + 1, `${enhet} ${period}: kvitto på version ${u.kvitto.version}`);
            assert.equal(
              u.inskick.data.kortId,
              store.dokument.mottagna.find((k) => k === u.inskick.data.kortId),
              'kvitterat kort saknas bland mottagna',
            );
            assert.equal(ny.kommentar, u.inskick.data.kommentar, `${enhet} ${period}: kvittot gäller inte det som sparades`);
            assert.ok(!u.inskick.gammal, `${enhet} ${period}: ett inskick från en äldre version sparades`);
          } else {
            forlorare++;
            // A loser of the race sees the winner's version; a stale form may have been refused before the race was decided.
            const visad = Number(/Sparat \(version (\d+)\)/.exec(u.text)?.[1]);
            assert.ok(
              visad === v0 + 1 || (u.inskick.gammal && visad === v0),
              `${enhet} ${period}: förloraren ser version ${visad}:\n${u.text}`,
            );
          }
        }
        const vinnare = egna.filter((u) => u.kvitto).map((u) => u.inskick.data.kortId);
        assert.ok(vinnare.length >= 1 && new Set(vinnare).size === 1, `${enhet} ${period}: vinnare ${JSON.stringify(vinnare)}`);
      }
    }
    assert.equal(new Set(store.dokument.mottagna).size, store.dokument.mottagna.length, 'ett kort är mottaget två gånger');

    figur('samtidighet_inskick', inskick.length);
    figur('samtidighet_kvitterade', kvitterade);
    figur('samtidighet_nya_versioner', enheter.length * PERIODER.length);
    figur('samtidighet_forlorare_med_besked', forlorare);
    figur('samtidighet_ms', ms);
  });
});
