import type { Application } from '@microsoft/teams-ai';
import type { Appberoenden, Tillstand } from './app.js';
import type { Kommandohanterare } from './kommandon.js';

/** Figure and measure reporting through Adaptive Cards (Action.Execute), with versions and history. */
export function kopplaRapportering(_app: Application<Tillstand>, _b: Appberoenden): void {}

export const rapporteraKommando: Kommandohanterare = async () => ({ text: 'Rapportering via kort kommer snart.' });
export const uppdateraAtgardKommando: Kommandohanterare = async () => ({ text: 'Uppdatering av åtgärder via kort kommer snart.' });
export const historikKommando: Kommandohanterare = async () => ({ text: 'Versionshistorik kommer snart.' });
