import { type Period, ar } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import { formatTkr } from '../domain/tal.js';

/** "Åtgärdsplan: 6 åtgärder pågår, 1 försenad; planerad besparing 2025: 4 310 tkr." */
export function atgardslage(reg: Register, enhetId: string, period: Period): string | null {
  const atgarder = reg.atgarder(enhetId);
  if (!atgarder.length) return null;
  const antal = new Map<string, number>();
  for (const a of atgarder) antal.set(a.status, (antal.get(a.status) ?? 0) + 1);
  const ordning = ['pågår', 'försenad', 'ej påbörjad', 'genomförd', 'avbruten'];
  const delar = ordning.filter((s) => antal.has(s)).map((s) => `${antal.get(s)} ${s}`);
  const aret = String(ar(period));
  const plan = atgarder.reduce((sum, a) => sum + (a.plan[aret] ?? 0), 0);
  const utfall = atgarder.reduce((sum, a) => sum + (a.utfall[aret] ?? 0), 0);
  const besparing = plan ? `; planerad besparing ${aret}: ${formatTkr(plan)}${utfall ? `, hittills realiserat ${formatTkr(utfall)}` : ''}` : '';
  return `Åtgärdsplan: ${atgarder.length} åtgärder (${delar.join(', ')})${besparing}.`;
}
