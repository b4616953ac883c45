import type { Activity } from 'botbuilder';
import { kortSomText } from '../../src/cards/somText.js';
import { tystLogg } from '../../src/logg.js';
import type { Fillagring } from '../../src/store/store.js';
import { skapaApp } from '../../src/teams/app.js';
import { type LokalAvsandare, LokalKanal } from '../../src/teams/lokalt.js';
import { DEMO_NU, demoStore, lasbar } from './demo.js';

export const CONTROLLER_SN = '00000000-0000-0000-0000-0000000000020';
export const CHEF_IFO = '00000000-0000-0000-0000-0000000000021';
export const ADMIN = '00000000-0000-0000-0000-0000000000022';

/** What a person sees of a reply: its text, or its card's text and the card's fallback. */
export function synligText(a: Partial<Activity>): string {
  const delar = [a.text ?? ''];
  for (const b of a.attachments ?? []) delar.push((b.content as { fallbackText?: string }).fallbackText ?? '', kortSomText(b.content));
  return lasbar(delar.filter(Boolean).join('\n')).replace(/\*\*/g, '');
}

/** The real teams-ai Application over the demo data, driven through botbuilder's TestAdapter. */
export async function demoBot(klocka: () => Date = () => new Date(DEMO_NU)): Promise<{
  store: Fillagring;
  kanal: LokalKanal;
  fraga: (text: string, fran?: Partial<LokalAvsandare>) => Promise<{ text: string; aktiviteter: Partial<Activity>[] }>;
}> {
  const store = await demoStore(klocka);
  const kanal = new LokalKanal(skapaApp({ store, logg: tystLogg, klocka }));
  return {
    store,
    kanal,
    fraga: async (text, fran = {}) => {
      const aktiviteter = await kanal.fraga(text, { anvandare: CHEF_IFO, ...fran });
      return {
        text: aktiviteter
          .filter((a) => a.type === 'message')
          .map(synligText)
          .join('\n'),
        aktiviteter,
      };
    },
  };
}
