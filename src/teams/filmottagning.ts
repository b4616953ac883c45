import { type Attachment, ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { FILIMPORT_VERB } from '../answers/filimport.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';
import { STANDARDGRANSER } from '../domain/nedladdning.js';
import { hamtaFil } from '../usecases/filhamtning.js';
import { type Filmiljo, avbrytFil, importeraFil, taEmotFil } from '../usecases/filimport.js';
import { Deladeforhandsvisningar, Minnesforhandsvisningar } from '../usecases/forhandsvisningar.js';
import { svarSomKort, svarTillAktivitet } from './aktivitet.js';
import { anvandarId, konversationstyp } from './samtal.js';
import type { Appberoenden, Tillstand } from './typer.js';

/** How Teams hands the bot a file sent in personal chat (the manifest's supportsFiles). */
export const FILNEDLADDNING = 'application/vnd.microsoft.teams.file.download.info';

function filbilaga(context: TurnContext): Attachment | undefined {
  const a = context.activity;
  return a.type === ActivityTypes.Message && Array.isArray(a.attachments)
    ? a.attachments.find((b) => b && b.contentType === FILNEDLADDNING)
    : undefined;
}

/**
 * Files sent to the bot: the attachment's download address and name go to the core, which downloads, checks,
 * reads and previews; Importera and Avbryt on the preview card answer with the card that replaces it.
 */
export function kopplaFilmottagning(app: Application<Tillstand>, b: Appberoenden): void {
  const fabrik = new Miljofabrik(b.store, b.klocka);
  const forhandsvisningar = b.store.delad
    ? new Deladeforhandsvisningar(b.store.delad.nyckelvarden, b.klocka)
    : new Minnesforhandsvisningar(b.klocka);
  const filmiljo = (context: TurnContext): Filmiljo => {
    const anvandare = anvandarId(context);
    return {
      store: b.store,
      logg: b.logg,
      anvandare,
      miljo: () => fabrik.skapa(b.store.register.anvandare.get(anvandare), undefined),
      granser: b.filgranser ?? STANDARDGRANSER,
      lokalt: !b.botAppId,
      hamta: b.hamta ?? hamtaFil,
      forhandsvisningar,
    };
  };

  app.activity(
    async (context) => filbilaga(context) !== undefined,
    async (context) => {
      const bilaga = filbilaga(context)!;
      const innehall = (bilaga.content ?? {}) as { downloadUrl?: unknown };
      const svar = await taEmotFil(filmiljo(context), {
        namn: typeof bilaga.name === 'string' ? bilaga.name : '',
        adress: innehall.downloadUrl,
        samtalstyp: konversationstyp(context),
      });
      await context.sendActivity(svarTillAktivitet(svar, b.store.register));
    },
  );
  app.adaptiveCards.actionExecute(FILIMPORT_VERB.importera, async (context, _state, data: Record<string, unknown>) =>
    svarSomKort(await importeraFil(filmiljo(context), data), b.store.register),
  );
  app.adaptiveCards.actionExecute(FILIMPORT_VERB.avbryt, async (context, _state, data: Record<string, unknown>) =>
    svarSomKort(await avbrytFil(filmiljo(context), data), b.store.register),
  );
}
