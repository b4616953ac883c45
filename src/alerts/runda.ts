import { type Saknad, korrigeringsnotisSvar, paminnelseSvar, senSammanfattningSvar } from '../answers/paminnelse.js';
import type { Svar, Svarsmiljo } from '../answers/svar.js';
import { arArbetsdag } from '../domain/arbetsdagar.js';
import { rapporterarSjalv } from '../domain/behorighet.js';
import type { Period } from '../domain/period.js';
import { ansvarigaFor, chattensAnvandare, forSent, namndFor } from '../domain/rapporteringslage.js';
import { aktuellFrist } from '../domain/rapporteringsplan.js';
import type { Register } from '../domain/register.js';
import { type Anvandare, type Enhet, type Klarmarkering, type Rundslag, type Utfall, type Utskick, nyttUtskick } from '../domain/schema.js';
import { lokaltid, minuter } from '../domain/tidszon.js';

/**
 * The reporting round's outbox entries (the same outbox, retries and limits as the alerts). Their ids are the
 * idempotency keys: one reminder per person and day (`påminnelse|<user>|<day>`), one late summary per person,
 * nämnd and month (`sen_rapportering|<user>|<nämnd>|<month>`), one correction notice per version
 * (`korrigering|<user>|<unit>|<month>|v<n>`). A round planned twice, after a restart or by two instances,
 * finds its ids already in the outbox and adds nothing.
 */
export interface Rundberoenden {
  /** what an answer for this person reads (their units in the form's list) */
  miljo: (anvandare: Anvandare) => Svarsmiljo;
  /** a new card id for each form sent */
  kortId: () => string;
}

function utskick(slag: Rundslag, id: string, konversation: string, enhet: string, period: Period, svar: Svar, nu: Date): Utskick {
  return nyttUtskick({ id, konversation, enhet, period, slag, innehall: { svar } as unknown as Record<string, unknown> }, nu);
}

/** Active personal chats by user. */
function personligaChattar(reg: Register): Map<string, string> {
  const ut = new Map<string, string>();
  for (const k of reg.dokument.konversationer) {
    if (!k.aktiv) continue;
    const vem = chattensAnvandare(k);
    if (vem) ut.set(vem, k.id);
  }
  return ut;
}

/**
 * What is due at `nu`: on a working day, from each unit's reminder time on, every controller with units that
 * have not reported the month their reminders are about gets one reminder; the day after a deadline, each
 * nämnd's controller gets one summary of who is late. Nothing for a person without a personal chat with the
 * bot (the overview lists them), nothing already planned.
 */
export function planeraRunda(reg: Register, nu: Date, b: Rundberoenden): Utskick[] {
  const { datum: idag, minut } = lokaltid(nu);
  if (!arArbetsdag(idag)) return [];
  const chattar = personligaChattar(reg);
  if (!chattar.size) return [];
  const kanda = new Set(reg.dokument.utskick.map((u) => u.id));

  const perPerson = new Map<string, { anvandare: Anvandare; saknade: Saknad[] }>();
  const senaPerNamnd = new Map<string, { namnd: Enhet; period: Period; frist: Saknad['frist']; sena: Enhet[] }>();
  for (const enhet of reg.enheter.values()) {
    if (!rapporterarSjalv(enhet, reg)) continue;
    const frist = aktuellFrist(reg, enhet.id, idag);
    if (!frist || minut < minuter(frist.klockslag)) continue;
    if (reg.senasteVersion(enhet.id, frist.period)) continue;
    const sen = forSent(frist, idag);
    for (const a of ansvarigaFor(reg, enhet.id)) {
      const p = perPerson.get(a.id) ?? { anvandare: a, saknade: [] };
      p.saknade.push({ enhet, period: frist.period, frist, sen });
      perPerson.set(a.id, p);
    }
    if (sen) {
      const namnd = namndFor(reg, enhet.id);
      if (!namnd) continue;
      const k = `${namnd.id}|${frist.period}`;
      const s = senaPerNamnd.get(k) ?? { namnd, period: frist.period, frist, sena: [] };
      s.sena.push(enhet);
      senaPerNamnd.set(k, s);
    }
  }

  const ut: Utskick[] = [];
  const ordning = new Map([...reg.enheter.keys()].map((id, i) => [id, i]));
  for (const { anvandare, saknade } of perPerson.values()) {
    const konversation = chattar.get(anvandare.id);
    const id = `påminnelse|${anvandare.id}|${idag}`;
    if (!konversation || kanda.has(id)) continue;
    // the oldest month first, then tree order
    saknade.sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : ordning.get(x.enhet.id)! - ordning.get(y.enhet.id)!));
    const svar = paminnelseSvar(b.miljo(anvandare), saknade, b.kortId(), idag);
    ut.push(utskick('påminnelse', id, konversation, saknade[0].enhet.id, saknade[0].period, svar, nu));
    kanda.add(id);
  }
  for (const { namnd, period, frist, sena } of senaPerNamnd.values()) {
    for (const a of ansvarigaFor(reg, namnd.id)) {
      const konversation = chattar.get(a.id);
      const id = `sen_rapportering|${a.id}|${namnd.id}|${period}`;
      if (!konversation || kanda.has(id)) continue;
      ut.push(
        utskick('sen_rapportering', id, konversation, namnd.id, period, senSammanfattningSvar(b.miljo(a), namnd, period, sena, frist), nu),
      );
      kanda.add(id);
    }
  }
  return ut;
}

/** The notice to the one who marked the month ready, when a version is saved under the mark; null if they cannot be reached. */
export function planeraKorrigeringsnotis(
  reg: Register,
  ny: Utfall,
  fore: Utfall | null,
  markering: Klarmarkering,
  nu: Date,
): Utskick | null {
  if (ny.rapporterad_av === markering.av) return null;
  const konversation = personligaChattar(reg).get(markering.av);
  if (!konversation) return null;
  const id = `korrigering|${markering.av}|${ny.enhet}|${ny.period}|v${ny.version}`;
  if (reg.dokument.utskick.some((u) => u.id === id)) return null;
  return utskick('korrigering', id, konversation, ny.enhet, ny.period, korrigeringsnotisSvar(reg, ny, fore, markering), nu);
}
