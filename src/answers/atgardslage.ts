import { type Period, år } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { formatTkr } from '../domain/tal.js';

const ORDNING = ['pågår', 'försenad', 'ej påbörjad', 'genomförd', 'avbruten'];

/** "Åtgärdsplan: 6 åtgärder pågår, 1 försenad; planerad besparing 2025: 4 310 tkr." */
export function atgardslage(reg: Register, enhetId: string, period: Period): string | null {
  const atgarder = reg.atgarder(enhetId);
  if (!atgarder.length) return null;
  const aret = String(år(period));
  const antal = new Map<string, number>();
  let plan = 0;
  let utfall = 0;
  for (const a of atgarder) {
    antal.set(a.status, (antal.get(a.status) ?? 0) + 1);
    plan += a.plan[aret] ?? 0;
    utfall += a.utfall[aret] ?? 0;
  }
  const delar = ORDNING.filter((s) => antal.has(s)).map((s) => `${antal.get(s)} ${s}`);
  const besparing = plan
    ? `; planerad besparing ${aret}: ${formatTkr(plan)}${utfall ? `, hittills realiserat ${formatTkr(utfall)}` : ''}`
    : '';
  return `Åtgärdsplan: ${atgarder.length} åtgärder (${delar.join(', ')})${besparing}.`;
}
