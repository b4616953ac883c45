import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { hjalpSvar } from '../answers/hjalp.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';
import { avaktivera, installera } from '../usecases/installation.js';
import { svarTillAktivitet } from './aktivitet.js';
import type { Appberoenden, Tillstand } from './typer.js';
import { anvandarId, konversationsId, samtalFran, teamId } from './samtal.js';

const VALKOMMEN =
  'Hej! Jag är Budgetkollen. Jag svarar på frågor om budget, utfall, prognos, åtgärder och nyckeltal, tar emot månadens siffror från controllers och larmar när en verksamhet går över budget.';

/**
 * Where the bot is: installed or removed (installationUpdate), added to or removed from a team, a team or a
 * channel deleted (conversationUpdate). Conversations the bot leaves stop getting alerts.
 */
export function kopplaInstallation(app: Application<Tillstand>, b: Appberoenden): void {
  const fabrik = new Miljofabrik(b.store, b.klocka);
  const vem = (context: TurnContext) => anvandarId(context, 'teams');
  const botenIBland = (context: TurnContext, medlemmar: Activity['membersAdded']) =>
    Boolean(context.activity.recipient?.id && medlemmar?.some((m) => m.id === context.activity.recipient.id));

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const samtal = samtalFran(context, 'teams');
    if (String(context.activity.action ?? 'add').startsWith('remove')) {
      await avaktivera(b.store, samtal.anvandare, samtal.team, samtal.id, b.logg, 'avinstallerad');
    } else if (await installera(b.store, b.logg, samtal)) {
      await context.sendActivity(svarTillAktivitet(hjalpSvar(fabrik.skapa(undefined, undefined), VALKOMMEN), b.store.register));
    }
  });

  const teamBorttaget = async (context: TurnContext) => {
    const team = (context.activity.channelData as { team?: { id?: string } }).team?.id ?? null;
    await avaktivera(b.store, vem(context), team, team ?? konversationsId(context), b.logg, 'team borttaget');
  };
  app.conversationUpdate('teamDeleted', teamBorttaget);
  app.conversationUpdate('teamHardDeleted', teamBorttaget);
  app.conversationUpdate('channelDeleted', async (context) => {
    const kanal = (context.activity.channelData as { channel?: { id?: string } }).channel?.id;
    if (kanal) await avaktivera(b.store, vem(context), null, kanal, b.logg, 'kanal borttagen');
  });
  app.conversationUpdate('membersRemoved', async (context) => {
    if (botenIBland(context, context.activity.membersRemoved))
      await avaktivera(b.store, vem(context), teamId(context), konversationsId(context), b.logg, 'borttagen ur konversationen');
  });
  app.conversationUpdate('membersAdded', async (context) => {
    if (botenIBland(context, context.activity.membersAdded)) await installera(b.store, b.logg, samtalFran(context, 'teams'));
  });
}
