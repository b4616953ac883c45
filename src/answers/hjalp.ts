import { farskhetsrad } from './farskhet.js';
import { senastePeriodFor, siffrorFor } from '../domain/siffror.js';
import type { Svar, Svarsmiljo } from './svar.js';

/** What the bot can do, with example questions built from the data that is actually there. */
export function hjalpSvar(m: Svarsmiljo, inledning = 'Jag svarar på frågor om budget, utfall, prognos, åtgärder och nyckeltal.'): Svar {
  const reg = m.register;
  const rot = reg.rot();
  const alla = rot ? reg.underliggande(rot.id) : [];
  const period = rot ? senastePeriodFor(reg, rot.id, m.nu) : null;
  const medSiffror = period ? alla.filter((e) => siffrorFor(reg, e.id, period)) : [];
  const forsta = medSiffror.find((e) => e.alias.length && reg.barnTill(e.id).length) ?? medSiffror[0];
  const enLov = medSiffror.find((e) => reg.barnTill(e.id).length === 0);
  const kortnamn = (e?: { namn: string; alias: string[] }) => (e ? (e.alias.find((a) => a.length <= 5) ?? e.namn) : 'kommunen');
  const medAtgarder = alla.find((e) => reg.atgarder(e.id).length);
  const medNyckeltal = alla.find((e) => reg.nyckeltalsnamnFor(e.id).length);
  const exempel = [
    `hur ligger ${kortnamn(forsta)} mot budget?`,
    `visa ${kortnamn(forsta).toLowerCase()} månad för månad i år`,
    enLov ? `ligger ${enLov.namn.toLowerCase()} över budget?` : null,
    `vilka verksamheter har störst underskott?`,
    `vad är helårsprognosen för ${kortnamn(forsta)}?`,
    medAtgarder ? `visa åtgärderna för ${kortnamn(medAtgarder)}` : null,
    medNyckeltal ? `vad är ${reg.nyckeltalsnamnFor(medNyckeltal.id)[0]} i ${kortnamn(medNyckeltal)}?` : null,
    'hur färska är siffrorna?',
    'rapportera',
  ].filter((x): x is string => Boolean(x));
  const farskhet = (rot && period && farskhetsrad(reg, rot, m.nu)) || 'Det finns inga siffror inlagda ännu.';
  const tips = `Controllers rapporterar månadens siffror med "rapportera". I en kanal kan ni prenumerera på larm: "@Budgetkollen prenumerera på larm för ${kortnamn(forsta)}".`;
  const text = [inledning, farskhet, `Prova till exempel:\n\n${exempel.map((e) => `- ${e}`).join('\n')}`, tips].join('\n\n');
  // Teams shows at most six buttons; the rest of the examples are listed as text.
  const knappar = exempel.slice(0, 6);
  return {
    text,
    kort: {
      mall: 'hjalp',
      data: { inledning, farskhet, tips, exempel: knappar.map((e) => ({ fraga: e })), fler: exempel.slice(6).map((e) => `• ${e}`) },
    },
  };
}

/** A question about something else entirely: said shortly, with what the bot does answer. */
export function utanforSvar(m: Svarsmiljo): Svar {
  const hjalp = hjalpSvar(
    m,
    'Det svarar jag inte på: jag svarar bara på frågor om budget, utfall, prognos, åtgärder och nyckeltal i uppföljningen.',
  );
  return { ...hjalp, text: hjalp.text.split('\n\n').slice(0, 3).join('\n\n') };
}
