import { randomUUID } from 'node:crypto';
import { planeraRunda } from '../alerts/runda.js';
import { meddelande } from '../answers/formular.js';
import { vemNamn } from '../answers/historik.js';
import { datumKort } from '../answers/ord.js';
import { rundansPeriod, sistaDagText } from '../answers/rapporteringslage.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';
import type { Svar } from '../answers/svar.js';
import { fårRapportera, nekandeText, uppraknat } from '../domain/behorighet.js';
import { fårKlarmarkera, klarmarkeringFor } from '../domain/klarmarkering.js';
import { laddaHelgdagar } from '../domain/arbetsdagar.js';
import { MANADER, periodNamn } from '../domain/period.js';
import { rapporterandeEnheter } from '../domain/rapporteringslage.js';
import { STANDARD_KLOCKSLAG, STANDARD_PAMINN_DAGAR, aktuellFrist, fristFor, fristText } from '../domain/rapporteringsplan.js';
import type { Register } from '../domain/register.js';
import type { Enhet, Rapporteringsplan } from '../domain/schema.js';
import { datumText, lokaltid } from '../domain/tidszon.js';
import { arAvmarkering, tolkaFristkommando } from '../language/runda.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';
import { granskaNekande } from './larm.js';
import type { Kommandohanterare } from './kommandomiljo.js';
import { valjEnhet } from '../answers/enhetsval.js';

const SYSTEM = { vem: 'rapporteringsrundan', kalla: 'system' } as const;

/**
 * One round: plans what is due now (reminders, late summaries) into the outbox, in one change, so a round
 * run again (after a restart, by another instance, by `npm run paminnelser`) adds nothing already planned.
 * Returns how many messages it planned.
 */
export async function korRunda(store: Store, logg: Logg): Promise<number> {
  // without a deadline nobody is reminded (and the holiday calendar need not be loaded)
  if (!store.register.dokument.rapporteringsplaner.length) return 0;
  await laddaHelgdagar();
  const antal = await store.ändra(SYSTEM, (tx) => {
    const fabrik = new Miljofabrik({ register: tx.register }, () => tx.nu);
    const nya = planeraRunda(tx.register, tx.nu, { miljo: (a) => fabrik.skapa(a, undefined), kortId: randomUUID });
    for (const u of nya) tx.sätt('utskick', u);
    return nya.length;
  });
  if (antal) logg.info('rapporteringsrundan planerade meddelanden', { antal });
  return antal;
}

class Nekad extends Error {
  constructor(readonly svar: Svar) {
    super(svar.text);
  }
}

/** Why a user may not mark a unit's month ready, naming who may. */
function klarNekande(reg: Register, anvandare: Parameters<typeof fårKlarmarkera>[0], enhet: Enhet): string {
  if (!reg.barnTill(enhet.id).length)
    return `${enhet.namn} har inga underliggande enheter. Klarmarkering görs av den som granskar andras siffror, för en nämnd, en förvaltning eller ett verksamhetsområde.`;
  if (anvandare && fårRapportera(anvandare, enhet.id, reg)) return `Du kan inte klarmarkera ${enhet.namn}.`;
  return nekandeText(anvandare, enhet.id, reg)
    .replace(/rapportera för/, 'klarmarkera')
    .replace(/\brapportera\b/g, 'klarmarkera');
}

/** "klarmarkera socialnämnden november", "ta bort klarmarkeringen för socialnämnden november". */
export const klarmarkeraKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  const avmarkera = arAvmarkering(fraga.text);
  // never the whole municipality by default: the unit is named, or comes with the overview's button
  if (!k.enhet && !fraga.enheter.length && !fraga.tvetydiga.length)
    return {
      text: `Vilken enhet vill du ${avmarkera ? 'ta bort klarmarkeringen för' : 'klarmarkera'}? Skriv till exempel "${avmarkera ? 'ta bort klarmarkeringen för' : 'klarmarkera'} ${reg.barnTill(reg.rot()?.id ?? '')[0]?.namn ?? 'nämnden'} ${periodNamn(rundansPeriod(reg, reg.rot()?.id ?? '', m.idag))}".`,
    };
  const val = valjEnhet(fraga, m, k.enhet);
  if (!val.ok) return val.svar;
  const enhet = val.enhet;
  const period = fraga.rapportmanad ?? rundansPeriod(reg, enhet.id, m.idag);
  const manad = periodNamn(period);
  if (!fårKlarmarkera(m.anvandare, enhet.id, reg)) {
    await granskaNekande(k, enhet.id, avmarkera ? 'avmarkera' : 'klarmarkera');
    k.logg.info('klarmarkering nekad', { anvandare: k.samtal.anvandare, enhet: enhet.id, roll: m.anvandare?.roll ?? null });
    return { text: klarNekande(reg, m.anvandare, enhet) };
  }
  if (period >= m.nu)
    return {
      text: `${manad} är inte slut ännu. Klarmarkera en stängd månad, till exempel ${periodNamn(rundansPeriod(reg, enhet.id, m.idag))}.`,
    };
  try {
    return await k.store.ändra({ vem: k.samtal.anvandare, kalla: 'chatt' }, (tx): Svar => {
      const r = tx.register;
      const egen = r.dokument.klarmarkeringar.find((x) => x.enhet === enhet.id && x.period === period);
      const gallande = klarmarkeringFor(r, enhet.id, period);
      if (avmarkera) {
        if (!egen?.klar) {
          const ovan = gallande && gallande.enhet !== enhet.id ? r.enhet(gallande.enhet)?.namn : null;
          throw new Nekad({
            text: ovan
              ? `${enhet.namn} är klarmarkerad genom ${ovan} för ${manad}. Ta bort klarmarkeringen för ${ovan} i stället.`
              : `${enhet.namn} är inte klarmarkerad för ${manad}, så det finns inget att ta bort.`,
          });
        }
        tx.sätt('klarmarkeringar', { enhet: enhet.id, period, klar: false, av: k.samtal.anvandare, tid: tx.nu.toISOString() });
        return meddelande(`Klarmarkeringen borttagen: ${enhet.namn}, ${manad}`, [
          `${manad} är preliminär igen för ${enhet.namn} och allt under.`,
          `Den var klarmarkerad ${datumKort(egen.tid)} av ${vemNamn(r, egen.av)}.`,
        ]);
      }
      if (gallande)
        throw new Nekad({
          text: `${enhet.namn} är redan klarmarkerad för ${manad} (${datumKort(gallande.tid)} av ${vemNamn(r, gallande.av)}${gallande.enhet === enhet.id ? '' : `, för ${r.enhet(gallande.enhet)?.namn ?? gallande.enhet}`}).`,
        });
      const saknas = rapporterandeEnheter(r, enhet.id).filter((e) => !r.senasteVersion(e.id, period));
      if (saknas.length)
        throw new Nekad({
          text: `${enhet.namn} kan inte klarmarkeras för ${manad} ännu: ${saknas.length === 1 ? 'en enhet har' : `${saknas.length} enheter har`} inte rapporterat (${uppraknat(saknas.slice(0, 10).map((e) => e.namn))}${saknas.length > 10 ? ' med flera' : ''}). Fråga "vilka har inte rapporterat i ${enhet.namn}?" för att se vilka som saknas.`,
        });
      tx.sätt('klarmarkeringar', { enhet: enhet.id, period, klar: true, av: k.samtal.anvandare, tid: tx.nu.toISOString() });
      return meddelande(
        `Klarmarkerat: ${enhet.namn}, ${manad}`,
        [
          `Alla enheter under ${enhet.namn} har rapporterat, och ${manad} är nu klarmarkerad. Svar och rapporter visar inte längre siffrorna som preliminära.`,
          'En ändring efter detta kräver en kommentar om varför, och du får ett meddelande om den.',
        ],
        'Good',
      );
    });
  } catch (e) {
    if (e instanceof Nekad) return e.svar;
    throw e;
  }
};

function regelText(reg: Register, r: Rapporteringsplan): string {
  const delar = [r.period ? `${periodNamn(r.period)}: ${fristText(r)}` : fristText(r)];
  if (r.uppehall.length) delar.push(`ingen rapportering i ${uppraknat(r.uppehall.map((n) => MANADER[n - 1]))}`);
  if (r.paminn_dagar !== null) delar.push(`påminnelser från ${r.paminn_dagar} arbetsdagar före`);
  if (r.klockslag !== null) delar.push(`kl. ${r.klockslag}`);
  return `${reg.enhet(r.enhet)?.namn ?? r.enhet}: ${delar.join('; ')}`;
}

/** The deadlines as they stand, and what they mean for the month the round is about. */
export function planSvar(reg: Register, idag: Date, rubrik = 'Rapporteringsfrister'): Svar {
  const regler = [...reg.dokument.rapporteringsplaner].sort((a, b) =>
    a.enhet === b.enhet ? (a.period ?? '').localeCompare(b.period ?? '') : reg.kedja(a.enhet).length - reg.kedja(b.enhet).length,
  );
  const rot = reg.rot();
  const rader = regler.length
    ? regler.map((r) => regelText(reg, r))
    : ['Ingen frist är satt, så ingen påminns. Sätt en med till exempel "rapporteringsfrist arbetsdag 5".'];
  if (rot && regler.length) {
    const dag = lokaltid(idag).datum;
    const aktuell = aktuellFrist(reg, rot.id, dag);
    const period = aktuell?.period ?? rundansPeriod(reg, rot.id, idag);
    const f = fristFor(reg, rot.id, period);
    if (f?.typ === 'frist')
      rader.push(
        `För ${rot.namn} ${periodNamn(period)}: sista dag ${sistaDagText(f)}, påminnelser från ${datumText(f.paminnFran)} kl. ${f.klockslag} (svensk tid), varje arbetsdag tills enheten har rapporterat.`,
      );
    rader.push(
      `Standard om inget annat anges: påminnelser från ${STANDARD_PAMINN_DAGAR} arbetsdagar före sista dag, kl. ${STANDARD_KLOCKSLAG}.`,
    );
  }
  return meddelande(rubrik, rader);
}

/**
 * "rapporteringsfrist arbetsdag 5", "rapporteringsfrist för socialnämnden arbetsdag 3", "rapporteringsfrist för
 * november 2025: 2025-12-05", "ingen rapportering i juli", "påminn 2 arbetsdagar före kl 07:30", "visa
 * rapporteringsfristerna". Anyone may look; only an admin changes them.
 */
export const rapporteringsfristKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  await laddaHelgdagar();
  const kommando = tolkaFristkommando(fraga.text, m.nu);
  if (kommando.visa) return planSvar(reg, m.idag);
  if (m.anvandare?.roll !== 'admin') {
    await granskaNekande(k, fraga.enheter[0]?.id ?? reg.rot()?.id ?? '', 'rapporteringsfrist');
    const admins = [...reg.anvandare.values()].filter((a) => a.roll === 'admin').map((a) => a.namn);
    return {
      text: `Rapporteringsfristerna ändras bara av administratörer${admins.length ? ` (${uppraknat(admins)})` : ''}. Skriv "visa rapporteringsfrister" för att se vilka som gäller.`,
    };
  }
  if (kommando.fristfel) return { text: `Inget har ändrats: ${kommando.fristfel}.` };
  const enhet = (k.enhet ? reg.enhet(k.enhet) : undefined) ?? fraga.enheter[0] ?? reg.rot();
  if (!enhet) return { text: 'Det finns inga enheter inlagda ännu. Be en administratör importera organisationen.' };
  const frist = kommando.frist as Pick<Rapporteringsplan, 'frist' | 'arbetsdag' | 'datum'> | null;
  const period = frist ? kommando.period : null;
  if (frist?.frist === 'datum') {
    if (!period)
      return {
        text: `Inget har ändrats: ange vilken månads rapport datumet gäller, till exempel "rapporteringsfrist för november ${frist.datum!.slice(0, 4)}: ${frist.datum}".`,
      };
    if (frist.datum!.slice(0, 7) <= period)
      return { text: `Inget har ändrats: sista dag för ${periodNamn(period)} måste ligga efter månadens slut (du skrev ${frist.datum}).` };
  }
  if (kommando.uppehall && period)
    return { text: 'Inget har ändrats: uppehåll gäller varje år; skriv till exempel "ingen rapportering i juli".' };
  return k.store.ändra({ vem: k.samtal.anvandare, kalla: 'chatt' }, (tx): Svar => {
    const r = tx.register;
    const fore = r.dokument.rapporteringsplaner.find((x) => x.enhet === enhet.id && x.period === period);
    if (!fore && !frist)
      return {
        text: `Inget har ändrats: ${enhet.namn} har ingen egen frist ännu. Sätt den först, till exempel "rapporteringsfrist${enhet.foralder ? ` för ${enhet.namn}` : ''} arbetsdag 5".`,
      };
    const ny: Rapporteringsplan = {
      enhet: enhet.id,
      period,
      frist: frist?.frist ?? fore!.frist,
      arbetsdag: frist ? frist.arbetsdag : fore!.arbetsdag,
      datum: frist ? frist.datum : fore!.datum,
      uppehall: fore?.uppehall ?? [],
      paminn_dagar: kommando.paminnDagar ?? fore?.paminn_dagar ?? null,
      klockslag: kommando.klockslag ?? fore?.klockslag ?? null,
      andrad_av: k.samtal.anvandare,
      andrad: tx.nu.toISOString(),
    };
    if (kommando.uppehall) {
      const ovriga = ny.uppehall.filter((n) => n !== kommando.uppehall!.manad);
      ny.uppehall = (kommando.uppehall.uppehall ? [...ovriga, kommando.uppehall.manad] : ovriga).sort((a, b) => a - b);
    }
    tx.sätt('rapporteringsplaner', ny);
    return planSvar(r, tx.nu, `Sparat: ${regelText(r, ny)}`);
  });
};
