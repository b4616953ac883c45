import assert from 'node:assert/strict';
import { standardenhet, standardperiod } from '../../src/answers/formular.js';
import type { Svarsmiljo } from '../../src/answers/svar.js';
import { tolkaFraga } from '../../src/language/tolka.js';
import type { Store } from '../../src/store/store.js';
import { DEMO_NU, demoStore } from '../support/demo.js';
import { ALEX, ISAIAH } from '../support/testbot.js';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';

describe('rapportering: vilken enhet och månad ett formulär gäller', () => {
  let store: Store;
  before(async () => {
    store = await demoStore();
  });
  const miljo = (anvandare: string, kontext?: Svarsmiljo['kontext']): Svarsmiljo =>
    new Miljofabrik(store, () => DEMO_NU).skapa(store.register.anvandare.get(anvandare), kontext);

  it('månaden ur sammansatta ord: "novembersiffrorna", "oktoberutfallet 2024", "förra månadens"', () => {
    const rapportmanad = (text: string, nu: string) => tolkaFraga(text, miljo(ALEX.anvandare).index, nu).rapportmanad;
    assert.equal(rapportmanad('jag vill rapportera novembersiffrorna för IFO', '2025-12'), '2025-11');
    assert.equal(rapportmanad('rapportera oktoberutfallet 2024', '2025-12'), '2024-10');
    assert.equal(rapportmanad('lämna decemberprognosen', '2025-11'), '2024-12');
    assert.equal(rapportmanad('rapportera förra månadens siffror', '2025-12'), '2025-11');
    assert.equal(rapportmanad('rapportera för IFO', '2025-12'), null);
  });

  it('standardmånaden: månaden efter den senaste med siffror, högst den senaste stängda månaden; utan siffror förra månaden', () => {
    // issue 13: never the month still running, at most the latest closed month
    assert.equal(standardperiod(store.register, 'bou', '2025-12'), '2025-11');
    assert.equal(standardperiod(store.register, 'bou', '2025-11'), '2025-10');
    assert.equal(standardperiod(store.register, 'bou', '2026-03'), '2025-12');
    assert.equal(standardperiod(store.register, 'bou', '2023-05'), '2023-04');
  });

  it('standardenheten: en enhet utan enheter under sig; samtalets enhet om den är en sådan, annars en under den (issue 14.3)', () => {
    const reg = store.register;
    assert.equal(standardenhet(miljo(ALEX.anvandare))?.id, 'hemtjanst');
    // IFO has four units below it: the default is one of them, never IFO itself
    const underIfo = standardenhet(miljo(ALEX.anvandare, { enhet: 'ifo' }))!;
    assert.ok(
      reg.underliggande('ifo').some((e) => e.id === underIfo.id),
      underIfo.id,
    );
    assert.equal(reg.barnTill(underIfo.id).length, 0);
    assert.equal(standardenhet(miljo(ALEX.anvandare, { enhet: 'hemtjanst' }))?.id, 'hemtjanst');
    for (const vem of [ALEX.anvandare, ISAIAH.anvandare]) assert.equal(reg.barnTill(standardenhet(miljo(vem))!.id).length, 0);
    assert.equal(standardenhet(miljo(ALEX.anvandare, { enhet: 'grundskola' }))?.id, 'hemtjanst');
    assert.equal(store.register.enhet(standardenhet(miljo(ISAIAH.anvandare))!.id)?.foralder !== null, true);
    assert.equal(standardenhet(miljo('okänd')), undefined);
  });
});
