import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { kortSomText } from '../../src/cards/somText.js';
import { skapaLogg } from '../../src/logg.js';
import type { Fillagring } from '../../src/store/store.js';
import { skapaApp } from '../../src/teams/app.js';
import { type LokalAvsandare, LokalKanal } from '../../src/teams/lokalt.js';
import { DEMO_NU, demoStore, lasbar } from '../support/demo.js';
import { MAX_KORTSTORLEK, kortstorlek, kortvarningar } from '../support/kortvalidering.js';

export const ALEX: LokalAvsandare = { anvandare: '00000000-0000-0000-0000-0000000000020', namn: 'Alex Wilber' };
export const MEGAN: LokalAvsandare = { anvandare: '00000000-0000-0000-0000-0000000000021', namn: 'Megan Bowen' };
export const ADELE: LokalAvsandare = { anvandare: '00000000-0000-0000-0000-0000000000022', namn: 'Adele Vance' };
export const ISAIAH: LokalAvsandare = { anvandare: '00000000-0000-0000-0000-0000000000023', namn: 'Isaiah Langer' };
export const OKAND: LokalAvsandare = { anvandare: '11111111-2222-3333-4444-555555555555', namn: 'Okänd Person' };

export type Kortjson = Record<string, unknown>;

/** Every card the tests see is checked the way the brief asks: no parse warnings, version 1.5, under 28 KB. */
export function kontrolleraKort(kort: unknown, opts: { anvandartextMedMallsyntax?: boolean } = {}): Kortjson {
  assert.deepEqual(kortvarningar(kort), [], `kortet ger varningar: ${JSON.stringify(kort).slice(0, 300)}`);
  assert.ok(kortstorlek(kort) < MAX_KORTSTORLEK, `kortet är ${kortstorlek(kort)} byte`);
  if (!opts.anvandartextMedMallsyntax) assert.ok(!JSON.stringify(kort).includes('${'), 'kortet har obundna mallfält');
  return kort as Kortjson;
}

export function kortIAktiviteter(aktiviteter: Partial<Activity>[]): Kortjson {
  const meddelanden = aktiviteter.filter((a) => a.type === 'message');
  assert.equal(meddelanden.length, 1, `väntade ett meddelande, fick ${meddelanden.length}`);
  const bilaga = meddelanden[0].attachments?.[0];
  assert.ok(bilaga, `väntade ett kort, fick text: ${meddelanden[0].text}`);
  assert.equal(bilaga.contentType, 'application/vnd.microsoft.card.adaptive');
  return kontrolleraKort(bilaga.content);
}

export function textIAktiviteter(aktiviteter: Partial<Activity>[]): string {
  const kortText = (kort: { fallbackText?: string }) => kort.fallbackText ?? kortSomText(kort);
  return lasbar(
    aktiviteter
      .filter((a) => a.type === 'message')
      .map((a) => [a.text ?? '', ...(a.attachments ?? []).map((b) => kortText(b.content))].filter(Boolean).join('\n'))
      .join('\n'),
  )
    .replace(/\*\*/g, '')
    .replace(/\n{2,}/g, '\n');
}

export function lasbartKort(kort: unknown): string {
  return lasbar(kortSomText(kort));
}

/** Input values of a card by id, as the client would send them untouched. */
export function inmatningar(kort: unknown): Record<string, string> {
  const ut: Record<string, string> = {};
  const besok = (nod: unknown): void => {
    if (Array.isArray(nod)) {
      nod.forEach(besok);
      return;
    }
    if (!nod || typeof nod !== 'object') return;
    const n = nod as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string')
      ut[n.id] = n.value === undefined ? '' : String(n.value);
    for (const v of Object.values(n)) if (typeof v === 'object') besok(v);
  };
  besok((kort as Kortjson).body);
  return ut;
}

export interface Knapp {
  type: string;
  title: string;
  verb?: string;
  data: Record<string, unknown>;
}

export function knappar(kort: unknown): Knapp[] {
  return ((kort as Kortjson).actions as Knapp[] | undefined) ?? [];
}

export function knapp(kort: unknown, verb: string): Knapp {
  const k = knappar(kort).find((a) => a.verb === verb);
  assert.ok(
    k,
    `kortet saknar knappen ${verb}; har ${knappar(kort)
      .map((a) => a.verb ?? a.title)
      .join(', ')}`,
  );
  return k;
}

/** What Teams sends when the form's Action.Execute button is pressed: the button's data merged with the inputs. */
export function inskick(kort: unknown, verb: string, andrat: Record<string, string> = {}): Record<string, unknown> {
  return { ...knapp(kort, verb).data, ...inmatningar(kort), ...andrat };
}

export interface Testbot {
  store: Fillagring;
  kanal: LokalKanal;
  /** Presses an Action.Execute button and returns the card that replaces the pressed one, checked. */
  execute(verb: string, data: Record<string, unknown>, fran: LokalAvsandare, replyToId?: string): Promise<Kortjson>;
  fraga(text: string, fran: LokalAvsandare): Promise<Partial<Activity>[]>;
}

export async function testbot(): Promise<Testbot> {
  const store = await demoStore();
  const app = skapaApp({ store, logg: skapaLogg('error', {}, () => undefined), klocka: () => new Date(DEMO_NU) });
  const kanal = new LokalKanal(app);
  return {
    store,
    kanal,
    fraga: (text, fran) => kanal.fraga(text, fran),
    async execute(verb, data, fran, replyToId) {
      const svar = await kanal.invoke(verb, data, fran, replyToId);
      assert.equal(svar.status, 200);
      assert.equal(svar.body?.type, 'application/vnd.microsoft.card.adaptive');
      return kontrolleraKort(svar.body?.value);
    },
  };
}
