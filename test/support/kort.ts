// Test support: reading and pressing the cards a reply carries, as Teams would.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { kortSomText } from '../../src/cards/somText.js';
import { läsbar } from './demo.js';
import { MAX_KORTSTORLEK, kortstorlek, kortvarningar } from './kortvalidering.js';

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
  return läsbar(
    aktiviteter
      .filter((a) => a.type === 'message')
      .map((a) => [a.text ?? '', ...(a.attachments ?? []).map((b) => kortText(b.content))].filter(Boolean).join('\n'))
      .join('\n'),
  )
    .replace(/\*\*/g, '')
    .replace(/\n{2,}/g, '\n');
}

export function läsbartKort(kort: unknown): string {
  return läsbar(kortSomText(kort));
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
