import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ACData from 'adaptivecards-templating';
import type { Kortvy } from '../answers/svar.js';

const MAPP = join(dirname(fileURLToPath(import.meta.url)), 'mallar');
const mallar = new Map<string, ACData.Template>(
  readdirSync(MAPP).filter((f) => f.endsWith('.json')).map((f) => [f.replace(/\.json$/, ''), new ACData.Template(JSON.parse(readFileSync(join(MAPP, f), 'utf-8')))]),
);

export type Kort = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Binds a card view model to its JSON template. */
export function bindKort(vy: Kortvy): Kort {
  const mall = mallar.get(vy.mall);
  if (!mall) throw new Error(`okänd kortmall ${vy.mall}`);
  return mall.expand({ $root: vy.data }) as Kort;
}
