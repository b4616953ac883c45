import { harMarkup, skyddaNamn } from '../domain/markdown.js';
import type { Register } from '../domain/register.js';
import type { Svar } from './svar.js';

/**
 * Names come from the organisation's files and from Teams (units and their aliases, users, measures, action plans,
 * key figures, group chats and channels) and appear in answers, cards and alerts. Teams reads all of them as
 * markdown, so a name holding `**`, a link or `<at>` would be shown as markup; like a comment it must show as
 * written. Escaping happens here, once, on the finished answer: every text and card value is the bot's own words
 * and figures plus such names.
 */
const minne = new WeakMap<Register, { nyckel: string; namn: string[] }>();

/** The names of the register that hold markup (usually none). */
export function namnMedMarkup(reg: Register): string[] {
  const dok = reg.dokument;
  // not reg.generation: every figure saved bumps it, and a scan of every name at 10 000 units costs milliseconds
  const nyckel = `${reg.enhetsgeneration}|${reg.namngeneration}|${reg.personnamngeneration}`;
  const sparat = minne.get(reg);
  if (sparat?.nyckel === nyckel) return sparat.namn;
  const namn = new Set<string>();
  const lagg = (n: string | null | undefined) => {
    if (n && harMarkup(n)) namn.add(n);
  };
  for (const e of dok.enheter) [e.namn, ...e.alias].forEach(lagg);
  for (const a of dok.anvandare) lagg(a.namn);
  for (const a of dok.atgarder) lagg(a.atgard);
  for (const p of dok.atgardsplaner) lagg(p.namn);
  for (const n of dok.nyckeltal) lagg(n.nyckeltal);
  for (const k of dok.konversationer) lagg(k.namn);
  const lista = [...namn];
  minne.set(reg, { nyckel, namn: lista });
  return lista;
}

/** Values in a card that are not shown but sent back (ids, verbs, a button's data), or not text (a chart's picture): left as they are. */
const EJ_VISADE = new Set(['id', 'enhet', 'value', 'verb', 'kortId', 'period', 'data', 'url', 'grundenhet', 'grundperiod', 'mall', 'bild']);

function skyddaVarden(v: unknown, namn: readonly string[]): unknown {
  if (typeof v === 'string') return skyddaNamn(v, namn);
  if (Array.isArray(v)) return v.map((x) => skyddaVarden(x, namn));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, EJ_VISADE.has(k) ? x : skyddaVarden(x, namn)]));
  return v;
}

/** The answer with every name from the register that holds markup escaped, in its text and its card. */
export function skyddaSvar(svar: Svar, reg: Register): Svar {
  const namn = namnMedMarkup(reg);
  if (!namn.length) return svar;
  return {
    ...svar,
    text: skyddaNamn(svar.text, namn),
    ...(svar.kort ? { kort: { ...svar.kort, data: skyddaVarden(svar.kort.data, namn) } as Svar['kort'] } : {}),
  };
}
