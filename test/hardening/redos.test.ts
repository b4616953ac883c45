// Issue 12.3: one chat message must not freeze the bot. The threshold command's value pattern backtracked
// cubically: "sätt tröskel 1" + 1 985 spaces + "x" took 550 s with /healthz blocked, 600 spaces 6 s. The patterns
// are now safe by construction (eslint-plugin-regexp's no-super-linear-backtracking and no-super-linear-move over
// src/, eslint.config.js); this times every parser that reads a chat message on adversarial text up to the bot's
// length limit (2 000 characters, src/teams/app.ts). The bound is a safety net for a loaded machine, not a benchmark:
// a backtracking pattern takes seconds to minutes here, a linear one milliseconds.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { besvara } from '../../src/answers/besvara.js';
import type { Svarsmiljo } from '../../src/answers/svar.js';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';
import { tolkaFrist } from '../../src/domain/rapporteringsplan.js';
import { tolkaTal } from '../../src/domain/tal.js';
import { somSkrivet } from '../../src/domain/markdown.js';
import { enheterIKommando, gallerAlla, procentIKommando } from '../../src/language/larmkommando.js';
import { normalisera, ordMedOriginal, ordMedVersaler } from '../../src/language/normalisera.js';
import { rapportmottagare } from '../../src/language/rapportord.js';
import { arAvmarkering, tolkaFristkommando } from '../../src/language/runda.js';
import { tolkaFraga } from '../../src/language/tolka.js';
import { tolkaTroskelandring } from '../../src/language/troskelandring.js';
import { demoStore } from '../support/demo.js';
import { fuzzfro } from '../support/fro.js';
import { figur } from './stod.js';

const LANGST = 2000;
const GRANS_MS = 2000;
const NU = '2025-12';

/** How a message starts: the commands and questions whose patterns read what follows. */
const BORJAN = [
  'sätt tröskel 1',
  'sätt varningströskel för ifo till ',
  'sätt kritisk prognosgräns för IFO ',
  'prenumerera på larm för ',
  'meddela mig om ifo går över 1',
  'hur ligger ',
  'rapporteringsfrist arbetsdag ',
  'klarmarkera socialnämnden ',
  'månadsrapport till ',
  'jämför ifo och ',
  '',
];
/** What is repeated: blanks of every kind, digits and separators, words the patterns look for, markup. */
const PUMPAR = [
  ' ',
  '\u00a0',
  '\u202f',
  '\t',
  '\n',
  '1',
  '1 ',
  '1,',
  '1.',
  ' .',
  '!',
  '?',
  'a',
  'ab.',
  'för ',
  'till ',
  '&',
  '- ',
  '%',
  't o m ',
  '<at>',
  '**',
  'äö',
];
const SLUT = ['x', '#', ''];

function fall(langd: number): string[] {
  const ut: string[] = [];
  for (const borjan of BORJAN)
    for (const pump of PUMPAR)
      for (const slut of SLUT) {
        const fyll = Math.max(0, langd - borjan.length - slut.length);
        ut.push(`${borjan}${pump.repeat(Math.ceil(fyll / pump.length)).slice(0, fyll)}${slut}`);
      }
  return ut;
}

/** Shortest first: a pattern that backtracks shows at 600 characters in seconds, before 2 000 would take minutes. */
const FALL = [200, 600, LANGST].flatMap(fall);

describe('inget meddelande fryser boten: varje tolkare är linjär på elak text upp till 2 000 tecken (issue 12.3)', function () {
  this.timeout(600000);
  let miljo: Svarsmiljo;
  const langsta: Record<string, number> = {};

  before(async () => {
    const store = await demoStore();
    miljo = new Miljofabrik(store, () => new Date('2025-12-10T12:00:00Z')).skapa(undefined, undefined);
  });

  after(() => figur('elak text: längsta tolkning per tolkare (ms)', { fall: FALL.length, ...langsta }));

  const TOLKARE: Array<[string, (text: string) => unknown]> = [
    ['tolkaTroskelandring', (t) => tolkaTroskelandring(t)],
    ['normalisera', normalisera],
    ['ordMedVersaler', ordMedVersaler],
    ['ordMedOriginal', ordMedOriginal],
    ['tolkaFraga', (t) => tolkaFraga(t, miljo.index, NU)],
    ['enheterIKommando', (t) => enheterIKommando(t, miljo.index)],
    ['procentIKommando', procentIKommando],
    ['gallerAlla', gallerAlla],
    ['arAvmarkering', arAvmarkering],
    ['tolkaFristkommando', (t) => tolkaFristkommando(t, NU)],
    ['tolkaFrist', tolkaFrist],
    ['rapportmottagare', (t) => rapportmottagare(normalisera(t))],
    ['tolkaTal', (t) => tolkaTal(t)],
    ['somSkrivet', somSkrivet],
    ['besvara (hela svaret)', (t) => besvara(t, miljo)],
  ];

  function tidta(namn: string, tolka: (text: string) => unknown, text: string): void {
    const start = performance.now();
    tolka(text);
    const ms = performance.now() - start;
    langsta[namn] = Math.max(langsta[namn] ?? 0, Math.round(ms * 10) / 10);
    assert.ok(
      ms < GRANS_MS,
      `${namn} tog ${Math.round(ms)} ms på ${text.length} tecken: ${JSON.stringify(text.slice(0, 60))}…${JSON.stringify(text.slice(-10))}`,
    );
  }

  for (const [namn, tolka] of TOLKARE) {
    it(`${namn}: ${FALL.length} elaka meddelanden, vart och ett under ${GRANS_MS} ms`, () => {
      for (const text of FALL) tidta(namn, tolka, text);
    });
  }

  it('slumpade meddelanden av elaka bitar upp till 2 000 tecken: varje tolkare under gränsen', () => {
    const bit = fc.constantFrom(...PUMPAR, ...BORJAN.filter(Boolean), 'ifo', '103 %', '-1 500 tkr', 'x');
    fc.assert(
      fc.property(fc.array(fc.tuple(bit, fc.integer({ min: 1, max: 400 })), { minLength: 1, maxLength: 6 }), (delar) => {
        const text = delar
          .map(([b, n]) => b.repeat(n))
          .join('')
          .slice(0, LANGST);
        for (const [namn, tolka] of TOLKARE) tidta(namn, tolka, text);
      }),
      { seed: fuzzfro(import.meta.url), numRuns: 60 },
    );
  });
});
