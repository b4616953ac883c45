import type { Kortvy } from '../cards/vyer.js';
import type { Period } from '../domain/period.js';
import type { Anvandare } from '../domain/schema.js';
import type { Register } from '../domain/register.js';
import type { Avsikt } from '../language/avsikt.js';
import type { Enhetsindex } from '../language/enheter.js';

export interface Svar {
  /** Markdown for Teams; also the fallback for clients without cards. */
  text: string;
  kort?: Kortvy;
  /** What the answer was about, so "och i september?" can follow on. */
  kontext?: Kontext;
}

export interface Kontext {
  enhet?: string;
  period?: Period;
  avsikt?: Avsikt;
}

/** Everything an answer may read: the register (never written here), the clock, who asks, what came before. */
export interface Svarsmiljo {
  register: Register;
  index: Enhetsindex;
  /** the current calendar month, from the injected clock */
  nu: Period;
  idag: Date;
  anvandare?: Anvandare;
  kontext?: Kontext;
}
