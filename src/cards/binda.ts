import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import * as ACData from 'adaptivecards-templating';
import type { Kortvy } from '../answers/svar.js';
import { type Bindning, kompileraMall } from './kompilera.js';

const MAPP = join(dirname(fileURLToPath(import.meta.url)), 'mallar');
const json = new Map<string, unknown>(
  readdirSync(MAPP)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(MAPP, f), 'utf-8'))]),
);
const bindningar = new Map<string, Bindning>([...json].map(([namn, mall]) => [namn, kompileraMall(mall)]));
/** BUDGETKOLLEN_KORTKONTROLL=1 (the test suite sets it): every card is bound by adaptivecards-templating too, and must come out the same. */
const kontroll = process.env.BUDGETKOLLEN_KORTKONTROLL === '1';

export type Kort = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Binds a card view model to its JSON template. */
export function bindKort(vy: Kortvy): Kort {
  const bind = bindningar.get(vy.mall);
  if (!bind) throw new Error(`okänd kortmall ${vy.mall}`);
  const kort = bind(vy.data) as Kort;
  if (kontroll && !isDeepStrictEqual(kort, bindKortMedBiblioteket(vy))) {
    throw new Error(`kortmallen ${vy.mall} blev inte som med adaptivecards-templating för ${JSON.stringify(vy.data).slice(0, 300)}`);
  }
  return kort;
}

const bibliotek = new Map<string, ACData.Template>();

/** The same card bound by adaptivecards-templating itself: the reference `bindKort` is held to. */
export function bindKortMedBiblioteket(vy: Kortvy): Kort {
  const mall = json.get(vy.mall);
  if (mall === undefined) throw new Error(`okänd kortmall ${vy.mall}`);
  const t = bibliotek.get(vy.mall) ?? bibliotek.set(vy.mall, new ACData.Template(mall)).get(vy.mall)!;
  return t.expand({ $root: vy.data }) as Kort;
}
