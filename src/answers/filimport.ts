import type { Farg, Filimportkort, Kortknapp } from '../cards/vyer.js';
import { type Period, periodNamn } from '../domain/period.js';
import type { Larmniva } from '../domain/schema.js';
import { formatProcent, formatTkr } from '../domain/tal.js';
import type { Svar, Svarsmiljo } from './svar.js';

export const FILIMPORT_VERB = { importera: 'importera_fil', avbryt: 'avbryt_fil' } as const;

/** What an import would change, as the preview shows it. */
export interface Importandringar {
  nyaPerioder: Array<{ enhet: string; period: Period; budget: number; utfall: number }>;
  rattelser: Array<{ enhet: string; period: Period; falt: Array<{ namn: string; fore: number | null; efter: number | null }> }>;
  nyaEnheter: string[];
  /** other kinds: "2 nya åtgärder", "86 koder i kodmappningen" */
  ovrigt: string[];
  /** units whose level at the period would rise */
  larm: Array<{ enhet: string; period: Period; fore: Larmniva; efter: Larmniva; procent: number }>;
}

export interface Forhandsunderlag {
  filnamn: string;
  andringar: Importandringar;
  /** `blad:rad: orsak` */
  fel: string[];
  /** the units of rows outside the sender's scope, and kinds only an admin may import */
  utanfor: string[];
  /** the sender's own units, for the refusal */
  egnaEnheter: string[];
  /** set when the preview can be imported */
  knapp?: { id: string; avtryck: string };
  /** the store changed since the preview that was pressed */
  inaktuell?: boolean;
}

const MAX_RADER = 12;
const MAX_FEL = 25;
const NIVA: Record<Larmniva, string> = { ok: 'inom gränserna', varning: 'varning', kritisk: 'kritisk nivå' };

function kapa(rader: string[], max = MAX_RADER): string[] {
  return rader.length > max ? [...rader.slice(0, max), `… och ${rader.length - max} till`] : rader;
}

const tkr = (v: number | null) => (v === null ? '–' : formatTkr(v));
const FALTNAMN: Record<string, string> = {
  budget_ack: 'budget t.o.m.',
  utfall_ack: 'utfall t.o.m.',
  budget_helar: 'årsbudget',
  prognos_helar: 'helårsprognos',
};

export function harAndringar(a: Importandringar): boolean {
  return a.nyaPerioder.length + a.rattelser.length + a.nyaEnheter.length + a.ovrigt.length > 0;
}

function sektionerFor(m: Svarsmiljo, a: Importandringar): Filimportkort['sektioner'] {
  const namn = (id: string) => m.register.enhet(id)?.namn ?? id;
  const s: Filimportkort['sektioner'] = [];
  const nyaPerEnhet = new Map<string, typeof a.nyaPerioder>();
  for (const n of a.nyaPerioder) nyaPerEnhet.set(n.enhet, [...(nyaPerEnhet.get(n.enhet) ?? []), n]);
  if (a.nyaPerioder.length)
    s.push({
      rubrik: `Nya månader (${a.nyaPerioder.length})`,
      farg: 'Default',
      rader: kapa(
        [...nyaPerEnhet.entries()].map(([enhet, lista]) => {
          const sista = lista[lista.length - 1];
          const manader = lista.length > 1 ? `${lista.length} månader t.o.m. ${periodNamn(sista.period)}` : periodNamn(sista.period);
          return `${namn(enhet)}: ${manader}, utfall ${tkr(sista.utfall)} mot budget ${tkr(sista.budget)}`;
        }),
      ),
    });
  if (a.rattelser.length)
    s.push({
      rubrik: `Rättade siffror (${a.rattelser.length})`,
      farg: 'Warning',
      rader: kapa(
        a.rattelser.map(
          (r) =>
            `${namn(r.enhet)} ${periodNamn(r.period)}: ${r.falt.map((f) => `${FALTNAMN[f.namn] ?? f.namn} ${tkr(f.fore)} → ${tkr(f.efter)}`).join(', ')}`,
        ),
      ),
    });
  if (a.nyaEnheter.length) s.push({ rubrik: `Nya enheter (${a.nyaEnheter.length})`, farg: 'Default', rader: kapa(a.nyaEnheter) });
  if (a.ovrigt.length) s.push({ rubrik: 'Övrigt', farg: 'Default', rader: a.ovrigt });
  if (a.larm.length)
    s.push({
      rubrik: 'Passerar en larmgräns',
      farg: 'Attention',
      rader: kapa(
        a.larm.map(
          (l) => `${namn(l.enhet)} ${periodNamn(l.period)}: ${NIVA[l.fore]} → ${NIVA[l.efter]} (${formatProcent(l.procent, 0)} av budget)`,
        ),
      ),
    });
  return s;
}

function somSvar(kort: Filimportkort): Svar {
  const text = [
    `**${kort.rubrik}**`,
    ...kort.ingress,
    ...kort.sektioner.map((s) => [`**${s.rubrik}**`, ...s.rader.map((r) => `- ${r}`)].join('\n')),
  ].join('\n\n');
  return { text, kort: { mall: 'filimport', data: kort } };
}

/** The preview: what would change, every error, rows outside the sender's scope; Importera only when all is well. */
export function forhandsvisning(m: Svarsmiljo, u: Forhandsunderlag): Svar {
  const ingress: string[] = [];
  const sektioner: Filimportkort['sektioner'] = [];
  let farg: Farg = 'Default';
  let knappar: Kortknapp[] = [];
  if (u.inaktuell)
    ingress.push('Siffrorna i Budgetkollen har ändrats sedan förhandsvisningen, så inget importerades. Så här ser det ut nu:');
  if (u.fel.length || u.utanfor.length) {
    farg = 'Attention';
    ingress.push('Filen kan inte importeras. Inget har sparats. Rätta filen och skicka den igen.');
    if (u.utanfor.length)
      sektioner.push({
        rubrik: 'Utanför ditt ansvar',
        farg: 'Attention',
        rader: [
          ...kapa(u.utanfor),
          u.egnaEnheter.length
            ? `Du kan importera för ${u.egnaEnheter.join(', ')} och enheterna under.`
            : 'Du har inga enheter att importera för.',
        ],
      });
    if (u.fel.length) sektioner.push({ rubrik: `Fel i filen (${u.fel.length})`, farg: 'Attention', rader: kapa(u.fel, MAX_FEL) });
  } else if (!harAndringar(u.andringar)) {
    farg = 'Good';
    ingress.push('Inga ändringar: allt i filen finns redan i Budgetkollen. Inget behöver importeras.');
  } else {
    ingress.push('Inget är sparat ännu. Tryck Importera för att spara allt på en gång, eller Avbryt.');
    if (u.knapp)
      knappar = [
        { titel: 'Importera', verb: FILIMPORT_VERB.importera, data: { id: u.knapp.id, avtryck: u.knapp.avtryck } },
        { titel: 'Avbryt', verb: FILIMPORT_VERB.avbryt, data: { id: u.knapp.id } },
      ];
  }
  if (!u.fel.length && !u.utanfor.length) sektioner.push(...sektionerFor(m, u.andringar));
  return somSvar({ rubrik: `Förhandsvisning: ${u.filnamn}`, farg, ingress, sektioner, knappar });
}

/** The receipt that replaces the preview once imported. */
export function importkvitto(m: Svarsmiljo, u: { filnamn: string; andringar: Importandringar; vem: string; larm: number }): Svar {
  const ingress = [`Importerat av ${u.vem}. Allt sparades i en och samma ändring och syns i svaren nu.`];
  if (u.larm) ingress.push(`${u.larm} larm har lagts i utkorgen till kanalerna som bevakar enheterna.`);
  return somSvar({ rubrik: `Importerat: ${u.filnamn}`, farg: 'Good', ingress, sektioner: sektionerFor(m, u.andringar), knappar: [] });
}
