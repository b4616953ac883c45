import { type Period, periodNamn, sammaManadIFjol } from '../domain/period.js';
import type { Enhet, Nyckeltal } from '../domain/schema.js';
import { valjNyckeltal } from '../language/nyckeltal.js';
import type { Fraga } from '../language/tolka.js';
import type { Svar, Svarsmiljo } from './svar.js';

const procent = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
const fmt = (v: number) => `${procent.format(v)}\u00a0%`;

function iPeriod(serie: readonly Nyckeltal[], period: Period): Nyckeltal | undefined {
  return serie.find((n) => n.period === period);
}

/** The last value in the series not after `period`. */
function senastTill(serie: readonly Nyckeltal[], period: Period): Nyckeltal | undefined {
  for (let i = serie.length - 1; i >= 0; i--) if (serie[i].period <= period) return serie[i];
  return undefined;
}

export function nyckeltalSvar(fraga: Fraga, enhet: Enhet, m: Svarsmiljo): Svar {
  const reg = m.register;
  // A KPI is often reported for a verksamhetsområde only: use the nearest unit up the tree that has it.
  const kedja = reg.kedja(enhet.id);
  const namn = valjNyckeltal(fraga, reg.nyckeltalsnamn());
  if (!namn) {
    const finns = reg.nyckeltalsnamn();
    return {
      text: `Jag hittar inget sådant nyckeltal för ${enhet.namn}.${finns.length ? ` Nyckeltal som finns: ${finns.join(', ')}.` : ''}`,
    };
  }
  const kalla = kedja.find((e) => reg.nyckeltal(e.id, namn).length);
  if (!kalla) return nyckeltalUnder(fraga, enhet, namn, m);
  const serie = reg.nyckeltal(kalla.id, namn);
  const onskad: Period | undefined = fraga.tid.period;
  const punkt = onskad ? iPeriod(serie, onskad) : senastTill(serie, m.nu);
  if (!punkt)
    return {
      text: `Det finns ingen ${namn} för ${kalla.namn} ${onskad ? `för ${periodNamn(onskad)}` : ''}. Senaste är ${periodNamn(serie[serie.length - 1].period)}.`,
    };
  const fjol = iPeriod(serie, sammaManadIFjol(punkt.period));
  const rader = [`**${namn.charAt(0).toUpperCase() + namn.slice(1)} ${kalla.namn}, ${periodNamn(punkt.period)}: ${fmt(punkt.varde)}**`];
  if (kalla.id !== enhet.id) rader.push(`(${enhet.namn} rapporterar inte ${namn} själv; siffran gäller ${kalla.namn}.)`);
  if (punkt.mal !== null) {
    const over = punkt.varde > punkt.mal;
    rader.push(
      `Målet är ${fmt(punkt.mal)}: ${Math.abs(punkt.varde - punkt.mal) < 0.005 ? 'precis på målet' : `${procent.format(Math.abs(punkt.varde - punkt.mal))} procentenheter ${over ? 'över' : 'under'} målet`}.`,
    );
  }
  if (fjol)
    rader.push(
      `Samma månad i fjol (${periodNamn(fjol.period)}): ${fmt(fjol.varde)}, ${punkt.varde < fjol.varde ? 'alltså lägre nu' : punkt.varde > fjol.varde ? 'alltså högre nu' : 'oförändrat'}.`,
    );
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'fakta',
      data: {
        rubrik: `${namn.charAt(0).toUpperCase() + namn.slice(1)}: ${kalla.namn}`,
        undertitel: periodNamn(punkt.period),
        fakta: [
          { title: 'Värde', value: fmt(punkt.varde) },
          ...(punkt.mal !== null ? [{ title: 'Mål', value: fmt(punkt.mal) }] : []),
          ...(fjol ? [{ title: 'Samma månad i fjol', value: fmt(fjol.varde) }] : []),
        ],
        rader: rader.slice(1),
        enhet: kalla.namn,
      },
    },
    kontext: { enhet: enhet.id, period: punkt.period, avsikt: 'nyckeltal' },
  };
}

/** A rate cannot be summed: for a parent without its own series, show the units below it that have one. */
function nyckeltalUnder(fraga: Fraga, enhet: Enhet, namn: string, m: Svarsmiljo): Svar {
  const reg = m.register;
  const rader = reg
    .underliggande(enhet.id)
    .map((e) => {
      const serie = reg.nyckeltal(e.id, namn);
      const punkt = fraga.tid.period ? iPeriod(serie, fraga.tid.period) : senastTill(serie, m.nu);
      return punkt ? { e, punkt } : null;
    })
    .filter((x): x is { e: Enhet; punkt: Nyckeltal } => x !== null);
  if (!rader.length) {
    const med = [...reg.enheter.values()].filter((e) => reg.nyckeltal(e.id, namn).length).map((e) => e.namn);
    return {
      text: `Det finns ingen ${namn} rapporterad för ${enhet.namn}.${med.length ? ` Den finns för ${med.slice(0, 5).join(', ')}.` : ''}`,
    };
  }
  const lista = rader.map(
    ({ e, punkt }) =>
      `- ${e.namn}: ${fmt(punkt.varde)} (${periodNamn(punkt.period)}${punkt.mal !== null ? `, mål ${fmt(punkt.mal)}` : ''})`,
  );
  return {
    text: [
      `**${namn.charAt(0).toUpperCase() + namn.slice(1)} inom ${enhet.namn}**`,
      `${enhet.namn} rapporterar inte ${namn} som helhet; så här ligger enheterna under:`,
      lista.join('\n'),
    ].join('\n\n'),
    kontext: { enhet: enhet.id, avsikt: 'nyckeltal' },
  };
}
