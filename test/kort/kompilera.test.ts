import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import * as ACData from 'adaptivecards-templating';
import { besvara } from '../../src/answers/besvara.js';
import { bindKort, bindKortMedBiblioteket } from '../../src/cards/binda.js';
import { kompileraMall } from '../../src/cards/kompilera.js';
import { Enhetsindex } from '../../src/language/enheter.js';
import { SKYDDADE_ORD } from '../../src/language/tolka.js';
import { demoStore } from '../support/demo.js';

const MAPP = new URL('../../src/cards/mallar/', import.meta.url);
const MALLAR = readdirSync(MAPP)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ namn: f.replace(/\.json$/, ''), json: JSON.parse(readFileSync(new URL(f, MAPP), 'utf-8')) as unknown }));
const FRAGOR = readFileSync(new URL('../fragor/fragor.test.ts', import.meta.url), 'utf-8')
  .split('\n')
  .map((r) => /^\s*(?:\{ )?fraga: '([^']+)'/.exec(r)?.[1])
  .filter((x): x is string => Boolean(x));

/** What binding gave, or that it threw: the compiled binding must do what the library does, errors included. */
function utfall(f: () => unknown): unknown {
  try {
    return { varde: f() };
  } catch {
    return 'kastade';
  }
}

/**
 * The fields a template reads, as a tree: `$data: "${x}"` makes x a list (or object) of its own fields,
 * every other name in an expression is a value. Function names and quoted text are not fields.
 */
interface Form {
  varden: Set<string>;
  listor: Map<string, Form>;
}
const FUNKTIONER = new Set(['exists', 'string', 'true', 'false', 'null']);
function formAv(nod: unknown, form: Form = { varden: new Set(), listor: new Map() }): Form {
  const namn = (text: string) =>
    [...text.matchAll(/\$\{([^}]*)\}/g)]
      .flatMap((m) => m[1].replace(/'[^']*'/g, '').match(/[A-Za-z_$][\w.]*/g) ?? [])
      .filter((n) => !FUNKTIONER.has(n) && !n.startsWith('$'));
  if (typeof nod === 'string') for (const n of namn(nod)) form.varden.add(n.split('.')[0]);
  else if (Array.isArray(nod)) for (const x of nod) formAv(x, form);
  else if (nod && typeof nod === 'object') {
    const o = nod as Record<string, unknown>;
    let inre = form;
    if (typeof o.$data === 'string') {
      const [lista] = namn(o.$data);
      const topp = lista.split('.')[0];
      inre = form.listor.get(topp) ?? { varden: new Set(), listor: new Map() };
      form.listor.set(topp, inre);
    }
    for (const [k, v] of Object.entries(o)) if (k !== '$data') formAv(v, inre);
  }
  return form;
}

const text = fc.oneof(fc.string(), fc.constantFrom('', '${rubrik}', '**fet**', 'Åsby −1 651,4 tkr', "it's", '`'));
const skalar = fc.oneof(
  text,
  text,
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
function data(form: Form, djup = 0): fc.Arbitrary<Record<string, unknown>> {
  const falt: Record<string, fc.Arbitrary<unknown>> = {};
  for (const v of form.varden) falt[v] = v.startsWith('har') ? fc.oneof(fc.boolean(), skalar) : skalar;
  for (const [k, inre] of form.listor) {
    const post = djup > 2 ? fc.constant({}) : data(inre, djup + 1);
    falt[k] = fc.oneof(fc.array(post, { maxLength: 3 }), fc.array(post, { maxLength: 3 }), post, fc.constant(undefined), fc.constant([]));
  }
  return fc.record(falt, { requiredKeys: [] });
}

describe('kort: den kompilerade bindningen ger samma kort som adaptivecards-templating', () => {
  it('varje svarskort från frågesviten', async () => {
    const store = await demoStore();
    const m = {
      register: store.register,
      index: new Enhetsindex(store.register, SKYDDADE_ORD),
      nu: '2025-12',
      idag: new Date('2025-12-10T12:00:00Z'),
    };
    let antal = 0;
    for (const f of FRAGOR) {
      const r = besvara(f, m);
      if (r.typ !== 'svar' || !r.svar.kort) continue;
      assert.deepEqual(bindKort(r.svar.kort), bindKortMedBiblioteket(r.svar.kort), f);
      antal++;
    }
    assert.ok(antal > 80, `bara ${antal} kort`);
  });

  for (const { namn, json } of MALLAR) {
    it(`${namn}: slumpade data, med saknade fält, null, tal och text med \${ i`, () => {
      const bind = kompileraMall(json);
      const mall = new ACData.Template(json);
      let bundna = 0;
      fc.assert(
        fc.property(data(formAv(json)), (d) => {
          const vantat = utfall(() => mall.expand({ $root: d }));
          if (vantat !== 'kastade') bundna++;
          assert.deepEqual(
            utfall(() => bind(d)),
            vantat,
          );
        }),
        { numRuns: 300 },
      );
      // Most runs must bind: a run where both throw says little.
      assert.ok(bundna > 150, `bara ${bundna} av 300 bands`);
    });
  }

  it('själva uttrycksformerna: $when som inget uttryck, $index, $root, funktioner, okänd funktion och konkatenering med saknat fält', () => {
    const fall: Array<{ mall: unknown; kastar?: boolean }> = [
      {
        mall: {
          body: [
            { $when: true, text: 'släpps' },
            { $when: '', text: 'behålls' },
            { $when: 'ingen', text: 'släpps' },
            { $when: '${har}', text: 'om har' },
          ],
        },
      },
      {
        mall: { body: [{ $data: '${rader}', text: '${$index}: ${namn} av ${$root.rubrik}', farg: "${if(varm, 'Attention', 'Default')}" }] },
      },
      { mall: { body: [{ text: 'före ${saknas} efter ${rubrik}' }, { text: 'x ${okand(rubrik)} y' }, { text: '${rader}' }] } },
      {
        mall: {
          body: [
            {
              text: '${string(tal)}',
              lika: "${rubrik == 'x'}",
              olika: "${rubrik != 'x'}",
              finns: '${exists(saknas)}',
              rubrikFinns: '${exists(rubrik)}',
            },
          ],
        },
      },
      { mall: { body: [[1, null, ['a', 'b']], { $data: '${tom}', text: 'aldrig' }] } },
      { mall: { body: [{ text: '${okand(rubrik)}' }] }, kastar: true },
    ];
    const data = [
      {
        rubrik: 'x',
        har: true,
        rader: [
          { namn: 'a', varm: true },
          { namn: 'b', varm: false },
        ],
        tal: 1234.5,
        tom: [],
      },
      { rubrik: 'y', har: 'ja', rader: { namn: 'ensam' }, tal: 'text' },
      { rubrik: 'z', rader: [], tal: 7 },
    ];
    for (const { mall, kastar } of fall) {
      const bind = kompileraMall(mall);
      const t = new ACData.Template(mall);
      for (const d of data) {
        const vantat = utfall(() => t.expand({ $root: d }));
        assert.equal(vantat === 'kastade', Boolean(kastar), `${JSON.stringify(mall)} ${JSON.stringify(d)}: ${JSON.stringify(vantat)}`);
        assert.deepEqual(
          utfall(() => bind(d)),
          vantat,
          `${JSON.stringify(mall)} ${JSON.stringify(d)}`,
        );
      }
    }
  });
});
