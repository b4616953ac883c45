import type { Application } from '@microsoft/teams-ai';
import type { Appberoenden, Tillstand } from './app.js';
import type { Kommandohanterare } from './kommandon.js';

/** Alert subscriptions, thresholds and the outbox sender. */
export function kopplaLarm(_app: Application<Tillstand>, _b: Appberoenden): void {}

export const prenumereraKommando: Kommandohanterare = async () => ({ text: 'Larm kommer snart.' });
export const avslutaLarmKommando: Kommandohanterare = async () => ({ text: 'Larm kommer snart.' });
export const larmlistaKommando: Kommandohanterare = async () => ({ text: 'Larm kommer snart.' });
export const larmstatusKommando: Kommandohanterare = async () => ({ text: 'Larm kommer snart.' });
export const troskelKommando: Kommandohanterare = async () => ({ text: 'Trösklar kommer snart.' });
