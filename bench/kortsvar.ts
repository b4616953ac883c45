import { readFileSync, writeFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { besvara } from '../src/answers/besvara.js';
import type { Svar } from '../src/answers/svar.js';
import { Miljofabrik, type Registerkalla } from '../src/answers/svarsmiljo.js';
import type { Anvandare } from '../src/domain/schema.js';
import { svarTillAktivitet } from '../src/teams/aktivitet.js';

/**
 * The card echo's material: for each benchmark question, the real answer's text and card view (the template's name
 * and the data it is bound with), worked out once in the bench process. The card echo (bench/echo.ts with EKO_KORT)
 * looks the question up and sends that answer as the bot does, through svarTillAktivitet: bound by
 * adaptivecards-templating, with its text as fallback. So its reply is the real answer's card, the same size, bound
 * and sent the same way, and what the bot costs beyond it is understanding the question and working out the answer.
 */
export type Kortsvar = Pick<Svar, 'text' | 'kort'>;

export function kortsvarFor(store: Registerkalla, klocka: () => Date, fragor: string[], anvandare?: Anvandare): Map<string, Kortsvar> {
  const fabrik = new Miljofabrik(store, klocka);
  const ut = new Map<string, Kortsvar>();
  for (const text of fragor) {
    if (ut.has(text)) continue;
    const r = besvara(text, fabrik.skapa(anvandare, undefined));
    // a command is not answered from the figures; the echo repeats its text, as the text echo does
    ut.set(text, r.typ === 'svar' ? { text: r.svar.text, kort: r.svar.kort } : { text });
  }
  return ut;
}

export function skrivKortsvar(fil: string, karta: Map<string, Kortsvar>): void {
  writeFileSync(fil, JSON.stringify([...karta]));
}

export function läsKortsvar(fil: string): Map<string, Kortsvar> {
  return new Map(JSON.parse(readFileSync(fil, 'utf-8')) as Array<[string, Kortsvar]>);
}

/** The card echo's reply to `text`: the prepared answer sent as the bot sends one, or the text itself for a question it has none for. */
export function ekosvar(karta: Map<string, Kortsvar>, text: string): Partial<Activity> {
  return svarTillAktivitet(karta.get(text) ?? { text });
}
