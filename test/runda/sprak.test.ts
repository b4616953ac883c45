// What language/ reads of the round's questions and commands (src/language/avsikt.ts, src/language/runda.ts).
import assert from 'node:assert/strict';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';
import { tolkaFraga } from '../../src/language/tolka.js';
import { arAvmarkering, tolkaFristkommando } from '../../src/language/runda.js';
import type { Fristkommando } from '../../src/language/runda.js';
import { demoStore } from '../support/demo.js';

describe('språket för rapporteringsrundan', () => {
  it('översikt, klarmarkering och frister känns igen, med enhet och månad', async () => {
    const m = new Miljofabrik(await demoStore(), () => new Date('2026-01-12T09:00:00Z')).skapa(undefined, undefined);
    const fall: Array<[string, string, string[], string | null]> = [
      ['vilka har inte rapporterat?', 'rapporteringslage', [], null],
      ['Vilka enheter har inte rapporterat i november?', 'rapporteringslage', [], '2025-11'],
      ['rapporteringsläget', 'rapporteringslage', [], null],
      ['hur går rapporteringen i socialnämnden?', 'rapporteringslage', ['sn'], null],
      ['har IFO rapporterat?', 'rapporteringslage', ['ifo'], null],
      ['klarmarkera socialnämnden november', 'klarmarkera', ['sn'], '2025-11'],
      ['Klarmarkera IFO för december', 'klarmarkera', ['ifo'], '2025-12'],
      ['ta bort klarmarkeringen för socialnämnden november', 'klarmarkera', ['sn'], '2025-11'],
      ['rapporteringsfrist arbetsdag 5', 'rapporteringsfrist', [], null],
      ['ingen rapportering i juli', 'rapporteringsfrist', [], '2025-07'],
      ['påminn 2 arbetsdagar före klockan 07:45', 'rapporteringsfrist', [], null],
      ['rapportera för IFO', 'rapportera', ['ifo'], null],
      ['hur ligger IFO mot budget?', 'status', ['ifo'], null],
    ];
    for (const [text, avsikt, enheter, manad] of fall) {
      const f = tolkaFraga(text, m.index, '2026-01');
      assert.deepEqual([f.avsikt, f.enheter.map((e) => e.id), f.rapportmanad], [avsikt, enheter, manad], text);
    }
    assert.equal(arAvmarkering('ta bort klarmarkeringen för socialnämnden november'), true);
    assert.equal(arAvmarkering('avmarkera SN december'), true);
    assert.equal(arAvmarkering('klarmarkera socialnämnden november'), false);
  });

  it('fristkommandona läses till frist, månad, uppehåll, påminnelsedagar och klockslag', () => {
    const las = (text: string): Partial<Fristkommando> => {
      const k = tolkaFristkommando(text, '2026-01');
      return Object.fromEntries(Object.entries(k).filter(([, v]) => v !== null && v !== false));
    };
    assert.deepEqual(las('rapporteringsfrist arbetsdag 5'), { frist: { frist: 'arbetsdag', arbetsdag: 5, datum: null } });
    assert.deepEqual(las('sätt rapporteringsfristen till 4:e arbetsdagen kl 7.30'), {
      frist: { frist: 'arbetsdag', arbetsdag: 4, datum: null },
      klockslag: '07:30',
    });
    assert.deepEqual(las('rapporteringsfrist för november 2025: 2025-12-12'), {
      period: '2025-11',
      frist: { frist: 'datum', arbetsdag: null, datum: '2025-12-12' },
    });
    assert.deepEqual(las('ingen rapportering i juli'), { uppehall: { manad: 7, uppehall: true } });
    assert.deepEqual(las('rapportering i juli igen'), { uppehall: { manad: 7, uppehall: false } });
    assert.deepEqual(las('påminn 2 arbetsdagar före'), { paminnDagar: 2 });
    assert.deepEqual(las('visa rapporteringsfrister'), { visa: true });
    assert.deepEqual(las('rapporteringsfrist 2025-13-40'), { fristfel: '2025-13-40 är inget giltigt datum' });
  });
});
