import { type Activity, ActivityTypes, CardFactory } from 'botbuilder';
import { meddelande } from '../answers/formular.js';
import { skyddaSvar } from '../answers/namnskydd.js';
import type { Register } from '../domain/register.js';
import type { Svar } from '../answers/svar.js';
import { type Kort, bindKort } from '../cards/binda.js';
import { medDiagrambild } from '../usecases/diagrambild.js';

/**
 * One reply: the text, or the card built from the same view model with the text as its fallback, its chart drawn.
 * With the register, names that hold markup are escaped first (src/answers/namnskydd.ts); an outbox message comes
 * escaped. The chart is drawn before, from the names as written: a picture is not read as markdown.
 */
export function svarTillAktivitet(osakert: Svar, reg?: Register): Partial<Activity> {
  const svar = reg ? skyddaSvar(medDiagrambild(osakert), reg) : medDiagrambild(osakert);
  if (!svar.kort) return { type: ActivityTypes.Message, text: svar.text, textFormat: 'markdown' };
  // The card carries the answer; the text travels inside it for clients that cannot show cards.
  const kort = { ...bindKort(svar.kort), fallbackText: svar.text };
  const radslut = svar.text.indexOf('\n');
  const forstaRaden = radslut < 0 ? svar.text : svar.text.slice(0, radslut);
  return { type: ActivityTypes.Message, summary: forstaRaden.replaceAll('**', ''), attachments: [CardFactory.adaptiveCard(kort)] };
}

/** The card that answers a card button: the answer's own, or its text in a short message card. */
export function svarSomKort(osakert: Svar, reg: Register): Kort {
  const svar = skyddaSvar(medDiagrambild(osakert), reg);
  if (!svar.kort) return bindKort(meddelande('Budgetkollen', [svar.text]).kort!);
  return { ...bindKort(svar.kort), fallbackText: svar.text };
}
