import { type Andring, aktuellNiva, planeraUtskick } from '../alerts/planera.js';
import { type Troskelfalt, gallandeTrosklar, motsagelse, procentgrans, tkrgrans } from '../alerts/trosklar.js';
import { tolkaTroskelandring } from '../language/troskelandring.js';
import { fårSättaTrosklar, uppraknat } from '../domain/behorighet.js';
import type { Troskel } from '../domain/schema.js';
import { senastePeriodFor } from '../domain/siffror.js';
import type { Kommandohanterare } from './kommandomiljo.js';
import { FALTNAMN, exempelEnhet, fragaVilken, ingenEnhet, kallText, kortnamn, trosklarText, visaTrosklar } from '../alerts/larmtext.js';
import { enheterIKommando, granskaNekande } from './larm.js';

class Troskelkonflikt extends Error {}

/** "visa trösklar för IFO", "sätt varningströskel för IFO till 103 %", "ta bort tröskeln för IFO". */
export const troskelKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  const andring = tolkaTroskelandring(fraga.text, exempelEnhet(reg));
  const urval = enheterIKommando(fraga, k);
  if (urval.tvetydiga.length) return fragaVilken(fraga, urval.tvetydiga[0], m);
  if (andring.typ === 'visa') {
    const enhet = urval.enheter[0] ?? (m.kontext?.enhet ? reg.enhet(m.kontext.enhet) : undefined) ?? reg.rot();
    if (!enhet) return { text: 'Det finns inga enheter inlagda ännu.' };
    return visaTrosklar(reg, enhet);
  }
  if (!fårSättaTrosklar(m.anvandare)) {
    await granskaNekande(k, urval.enheter[0]?.id ?? '', 'sätt tröskel');
    const admins = [...reg.anvandare.values()].filter((a) => a.roll === 'admin').map((a) => a.namn);
    return {
      text: `Larmgränserna ändras bara av administratörer${admins.length ? ` (${uppraknat(admins)})` : ''}. Skriv "visa trösklar" för att se vilka som gäller.`,
    };
  }
  if (andring.typ === 'fel') return { text: andring.text };
  const enhet = urval.enheter[0];
  if (!enhet) return ingenEnhet(urval, m, `sätt varningströskel för ${exempelEnhet(reg)} till 103 %`);
  const foreGallande = gallandeTrosklar(reg, enhet.id);
  let nyaLarm: number;
  try {
    nyaLarm = await k.store.ändra({ vem: k.samtal.anvandare, kalla: 'chatt' }, (tx) => {
      const fore: Troskel = tx.register.trosklar.get(enhet.id) ?? {
        enhet: enhet.id,
        varning_procent: null,
        kritisk_procent: null,
        varning_prognos_tkr: null,
        kritisk_prognos_tkr: null,
      };
      const ny: Troskel = { ...fore };
      if (andring.typ === 'satt') ny[andring.falt] = andring.varde;
      else for (const f of andring.falt) ny[f] = null;
      const berorda = [enhet, ...tx.register.underliggande(enhet.id)];
      const nivaFore = new Map(berorda.map((e) => [e.id, aktuellNiva(tx.register, e.id)?.niva]));
      tx.sätt('trosklar', ny);
      for (const e of berorda) {
        const fel = motsagelse(gallandeTrosklar(tx.register, e.id).varden);
        if (fel) throw new Troskelkonflikt(`Det går inte: för ${e.namn} ${fel}. Ändra den andra gränsen först.`);
      }
      // A unit whose level the new limits change (over a lowered limit, or under a raised one) is evaluated
      // as after new figures; units that were red already and still are stay quiet.
      const andrade: Andring[] = berorda
        .filter((e) => nivaFore.get(e.id) !== aktuellNiva(tx.register, e.id)?.niva)
        .map((e) => ({ enhet: e.id, period: senastePeriodFor(tx.register, e.id) }))
        .filter((a): a is Andring => a.period !== null);
      const utskick = planeraUtskick(tx.register, andrade, tx.nu, { medForfader: false });
      for (const u of utskick) tx.sätt('utskick', u);
      return utskick.length;
    });
  } catch (e) {
    if (e instanceof Troskelkonflikt) return { text: e.message };
    throw e;
  }
  const efter = gallandeTrosklar(reg, enhet.id);
  k.logg.info('trösklar ändrade', { enhet: enhet.id, andring });
  const rader: string[] = [];
  if (andring.typ === 'satt') {
    const varde = (f: Troskelfalt, v: number) => (f.endsWith('procent') ? procentgrans(v) : tkrgrans(v));
    rader.push(
      `Klart: ${FALTNAMN[andring.falt]} för ${enhet.namn} är nu ${varde(andring.falt, andring.varde)} (var ${varde(andring.falt, foreGallande.varden[andring.falt])}, ${kallText(reg, enhet, foreGallande.kalla[andring.falt])}).`,
    );
  } else {
    const kallor = [...new Set(andring.falt.map((f) => efter.kalla[f]))].map((k) =>
      k === null ? 'standardvärdet' : (reg.enhet(k)?.namn ?? k),
    );
    rader.push(`Klart: ${enhet.namn} ärver nu ${uppraknat(andring.falt.map((f) => FALTNAMN[f]))} (från ${uppraknat(kallor)}).`);
  }
  if (reg.barnTill(enhet.id).length) rader.push(`Det gäller också enheterna under ${kortnamn(enhet)} som inte har egna gränser.`);
  rader.push(`Gäller nu: ${trosklarText(efter.varden)}.`);
  if (nyaLarm) rader.push(`Med de nya gränserna går ${nyaLarm === 1 ? 'ett larm' : `${nyaLarm} larm`} ut till dem som följer enheten.`);
  return { text: rader.join('\n\n'), kontext: { enhet: enhet.id } };
};
