import { type Activity, ActivityTypes, type Attachment, type FileUploadInfo } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { manadsrapport } from '../answers/manadsrapport.js';
import { FILFORMAT, FILKNAPP_VERB } from '../answers/manadsrapportsvar.js';
import { PERIOD_MONSTER, tillOchMedText } from '../domain/period.js';
import { provaUppladdningsadress } from '../domain/uppladdning.js';
import { type Rapportfil, skrivRapportfil } from '../rapport/filer.js';
import { konversationstyp } from './samtal.js';
import type { Appberoenden, Tillstand } from './typer.js';

/** How long an upload to the user's OneDrive may take before the bot gives up and says so. */
export const UPPLADDNING_MS = 15_000;
export const FILSAMTYCKE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILINFO = 'application/vnd.microsoft.teams.card.file.info';

/** What the consent card carries back to the bot: which report, never the file itself. */
const Filbegaran = z.object({
  enhet: z.string().min(1).max(100),
  period: z.string().regex(PERIOD_MONSTER),
  format: z.enum(FILFORMAT),
});
type Filbegaran = z.infer<typeof Filbegaran>;

const INTE_PERSONLIG =
  'Filer kan jag bara skicka i personlig chatt, där Teams låter dig godkänna dem. Skriv till mig där, till exempel "månadsrapport för socialnämnden", och tryck på Excel eller Word.';

/**
 * The monthly report's files, the Teams way: the card's Excel or Word button gets a file consent card; on
 * accept Teams gives an upload address in the user's OneDrive, the bot PUTs the file there and posts the
 * file card; on decline it says so.
 */
export function kopplaFiler(app: Application<Tillstand>, b: Appberoenden): void {
  const lokalt = !b.botAppId;
  const tidsgrans = b.uppladdningMs ?? UPPLADDNING_MS;

  const skapaFil = async (begaran: Filbegaran): Promise<Rapportfil | string> => {
    const vy = manadsrapport(b.store.register, begaran.enhet, begaran.period, b.klocka());
    if (!vy) return 'Den enheten finns inte längre i Budgetkollen. Be om månadsrapporten igen.';
    return skrivRapportfil(vy, begaran.format);
  };

  app.adaptiveCards.actionSubmit(FILKNAPP_VERB, async (context, _state, data: Record<string, unknown>) => {
    if (konversationstyp(context) !== 'personal') {
      await context.sendActivity(INTE_PERSONLIG);
      return;
    }
    const begaran = Filbegaran.safeParse({ enhet: data.enhet, period: data.period, format: data.format });
    if (!begaran.success) {
      await context.sendActivity('Knappen saknade uppgifter om rapporten. Be om månadsrapporten igen.');
      return;
    }
    const fil = await skapaFil(begaran.data);
    if (typeof fil === 'string') {
      await context.sendActivity(fil);
      return;
    }
    b.logg.info('fil erbjuden', { enhet: begaran.data.enhet, period: begaran.data.period, format: fil.format, byte: fil.bytes.length });
    await context.sendActivity(samtyckeskort(fil, begaran.data));
  });

  app.fileConsentAccept(async (context, _state, svar) => {
    const begaran = Filbegaran.safeParse(svar.context);
    if (!begaran.success) {
      await context.sendActivity(
        'Jag vet inte längre vilken rapport du godkände. Be om månadsrapporten igen och tryck på Excel eller Word.',
      );
      return;
    }
    const info = svar.uploadInfo;
    const prov = provaUppladdningsadress(info?.uploadUrl, lokalt);
    if (!info || !prov.ok) {
      const orsak = prov.ok ? 'Teams gav ingen adress att ladda upp till' : prov.orsak;
      b.logg.warn('uppladdning vägrad', { orsak });
      await context.sendActivity(`Jag laddade inte upp filen: ${orsak}. Ingenting har skickats.`);
      return;
    }
    const fil = await skapaFil(begaran.data);
    if (typeof fil === 'string') {
      await context.sendActivity(fil);
      return;
    }
    const fel = await laddaUpp(prov.url, fil.bytes, tidsgrans);
    if (fel) {
      b.logg.warn('uppladdningen misslyckades', { fel, byte: fil.bytes.length });
      await context.sendActivity(`Uppladdningen av ${fil.namn} misslyckades (${fel}). Tryck på knappen igen om en stund.`);
      return;
    }
    b.logg.info('fil uppladdad', { enhet: begaran.data.enhet, period: begaran.data.period, format: fil.format, byte: fil.bytes.length });
    await context.sendActivity(filinfokort(info, fil));
  });

  app.fileConsentDecline(async (context, _state, svar) => {
    const begaran = Filbegaran.safeParse(svar.context);
    const vad = begaran.success ? ` ${namnPa(begaran.data)}` : '';
    await context.sendActivity(`Okej, jag laddar inte upp${vad}. Tryck på Excel eller Word igen om du vill ha filen.`);
  });

  function namnPa(begaran: Filbegaran): string {
    const enhet = b.store.register.enhet(begaran.enhet)?.namn ?? begaran.enhet;
    return `${begaran.format === 'xlsx' ? 'Excel' : 'Word'}-filen med månadsrapporten för ${enhet} ${tillOchMedText(begaran.period)}`;
  }
}

/** Teams' file consent card: the file's name and size, and which report to write when the user agrees. */
function samtyckeskort(fil: Rapportfil, begaran: Filbegaran): Partial<Activity> {
  const kontext: Filbegaran = { enhet: begaran.enhet, period: begaran.period, format: begaran.format };
  const bilaga: Attachment = {
    contentType: FILSAMTYCKE,
    name: fil.namn,
    content: {
      description: `${fil.format === 'xlsx' ? 'Excel' : 'Word'}: ${fil.namn.replace(/\.\w+$/, '')}`,
      sizeInBytes: fil.bytes.length,
      acceptContext: kontext,
      declineContext: kontext,
    },
  };
  return {
    type: ActivityTypes.Message,
    text: `Godkänn så sparar jag ${fil.namn} i din OneDrive och skickar den hit.`,
    attachments: [bilaga],
  };
}

/** The file card Teams shows for an uploaded file, opened from the user's OneDrive. */
function filinfokort(info: FileUploadInfo, fil: Rapportfil): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: `Här är ${info.name || fil.namn}.`,
    attachments: [
      {
        contentType: FILINFO,
        contentUrl: info.contentUrl,
        name: info.name || fil.namn,
        content: { uniqueId: info.uniqueId, fileType: info.fileType || fil.format },
      },
    ],
  };
}

const sekunder = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/**
 * PUTs the file in one request, as Teams' upload session takes a small file, within a time limit and without
 * following redirects (which could lead off the allowed hosts). Returns what went wrong, or null.
 */
export async function laddaUpp(url: URL, bytes: Buffer, tidsgransMs: number): Promise<string | null> {
  try {
    const svar = await fetch(url, {
      method: 'PUT',
      headers: {
        'Content-Length': String(bytes.length),
        'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
      },
      body: bytes,
      redirect: 'error',
      signal: AbortSignal.timeout(tidsgransMs),
    });
    await svar.arrayBuffer().catch(() => undefined);
    return svar.ok ? null : `OneDrive svarade ${svar.status}`;
  } catch (e) {
    const namn = (e as Error).name;
    if (namn === 'TimeoutError' || namn === 'AbortError') return `det tog mer än ${sekunder.format(tidsgransMs / 1000)} sekunder`;
    return 'kunde inte nå OneDrive';
  }
}
