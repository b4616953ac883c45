import { z } from 'zod';
import { PERIOD_MONSTER } from './period.js';

export const ENHETSTYPER = ['kommun', 'nämnd', 'förvaltning', 'verksamhetsområde', 'verksamhet', 'enhet'] as const;
export const ROLLER = ['chef', 'controller', 'admin'] as const;
export const ATGARDSSTATUS = ['ej påbörjad', 'pågår', 'försenad', 'genomförd', 'avbruten'] as const;
export const KATEGORIER = ['A', 'B'] as const;

const id = z.string().min(1).max(100);
const periodSchema = z.string().regex(PERIOD_MONSTER, 'perioden ska skrivas ÅÅÅÅ-MM');
const belopp = z.number().finite();
const tidpunkt = z.string().datetime({ offset: true });

export const EnhetSchema = z.object({
  id,
  namn: z.string().min(1).max(200),
  typ: z.enum(ENHETSTYPER),
  foralder: id.nullable(),
  alias: z.array(z.string().min(1).max(100)),
});
export type Enhet = z.infer<typeof EnhetSchema>;

/** One version of a unit's figures for a month; all amounts in tkr, cumulative for the year. */
export const UtfallSchema = z.object({
  enhet: id,
  period: periodSchema,
  budget_ack: belopp,
  utfall_ack: belopp,
  budget_helar: belopp.nullable(),
  prognos_helar: belopp.nullable(),
  kommentar: z.string().max(2000).nullable(),
  kalla: z.string().max(100).nullable(),
  version: z.number().int().positive(),
  rapporterad_av: z.string().max(200),
  rapporterad: tidpunkt,
});
export type Utfall = z.infer<typeof UtfallSchema>;

export const AtgardSchema = z.object({
  enhet: id,
  nr: z.number().int().positive(),
  atgard: z.string().min(1).max(500),
  ansvarig: z.string().max(300),
  tidplan: z.string().max(300),
  uppfoljning: z.string().max(500),
  kategori: z.enum(KATEGORIER),
  status: z.enum(ATGARDSSTATUS),
  kommentar: z.string().max(2000).nullable(),
  plan: z.record(z.string().regex(/^\d{4}$/), belopp),
  utfall: z.record(z.string().regex(/^\d{4}$/), belopp),
  version: z.number().int().positive(),
  andrad_av: z.string().max(200),
  andrad: tidpunkt,
});
export type Atgard = z.infer<typeof AtgardSchema>;

export const AtgardsplanSchema = z.object({
  enhet: id,
  namn: z.string().max(300),
  sparbeting: belopp.nullable(),
  angiven_summa: belopp.nullable(),
});
export type Atgardsplan = z.infer<typeof AtgardsplanSchema>;

export const NyckeltalSchema = z.object({
  enhet: id,
  period: periodSchema,
  nyckeltal: z.string().min(1).max(100),
  varde: belopp,
  mal: belopp.nullable(),
});
export type Nyckeltal = z.infer<typeof NyckeltalSchema>;

export const AnvandareSchema = z.object({
  id,
  namn: z.string().min(1).max(200),
  roll: z.enum(ROLLER),
  enheter: z.array(id),
});
export type Anvandare = z.infer<typeof AnvandareSchema>;

export const TroskelSchema = z.object({
  enhet: id,
  varning_procent: belopp.nullable(),
  kritisk_procent: belopp.nullable(),
  varning_prognos_tkr: belopp.nullable(),
  kritisk_prognos_tkr: belopp.nullable(),
});
export type Troskel = z.infer<typeof TroskelSchema>;

export const HandelseSchema = z.object({
  tid: tidpunkt,
  vem: z.string(),
  kalla: z.string(),
  typ: z.string(),
  nyckel: z.string(),
  fore: z.unknown().optional(),
  efter: z.unknown().optional(),
});
export type Handelse = z.infer<typeof HandelseSchema>;

/** Where the bot may post: a Teams conversation reference, kept as Teams gave it. */
export const KonversationSchema = z.object({
  id: z.string(),
  typ: z.enum(['personal', 'groupChat', 'channel']),
  namn: z.string().nullable(),
  referens: z.record(z.unknown()),
  aktiv: z.boolean(),
  installerad: tidpunkt,
  /** the Teams team a channel belongs to, so a deleted or uninstalled team silences all its channels */
  team: z.string().nullable().optional(),
});
export type Konversation = z.infer<typeof KonversationSchema>;

export const PrenumerationSchema = z.object({
  konversation: z.string(),
  enhet: id,
  skapad_av: z.string(),
  skapad: tidpunkt,
  aktiv: z.boolean(),
  /** a personal warning level in % of budget ("meddela mig om IFO går över 105 %"); replaces varning_procent here */
  procent: belopp.nullable().optional(),
});
export type Prenumeration = z.infer<typeof PrenumerationSchema>;

export const LARMNIVAER = ['ok', 'varning', 'kritisk'] as const;
export type Larmniva = (typeof LARMNIVAER)[number];

export const UtskickSchema = z.object({
  id: z.string(),
  konversation: z.string(),
  enhet: id,
  period: periodSchema,
  slag: z.enum(['varning', 'kritisk', 'återställt', 'åtgärdsplan']),
  skapad: tidpunkt,
  status: z.enum(['väntar', 'skickat', 'misslyckat']),
  forsok: z.number().int().nonnegative(),
  nasta_forsok: tidpunkt.nullable(),
  senaste_fel: z.string().nullable(),
  skickat: tidpunkt.nullable(),
  /** the alert's view model (src/alerts/larmvy.ts), fixed when it was planned; text and card are built from it */
  innehall: z.record(z.unknown()),
});
export type Utskick = z.infer<typeof UtskickSchema>;

export const SCHEMAVERSION = 1;

export const DokumentSchema = z.object({
  schemaversion: z.literal(SCHEMAVERSION),
  enheter: z.array(EnhetSchema),
  utfall: z.array(UtfallSchema),
  atgarder: z.array(AtgardSchema),
  atgardsplaner: z.array(AtgardsplanSchema),
  nyckeltal: z.array(NyckeltalSchema),
  anvandare: z.array(AnvandareSchema),
  trosklar: z.array(TroskelSchema),
  konversationer: z.array(KonversationSchema),
  prenumerationer: z.array(PrenumerationSchema),
  utskick: z.array(UtskickSchema),
  handelser: z.array(HandelseSchema),
  mottagna: z.array(z.string()),
});
export type Dokument = z.infer<typeof DokumentSchema>;

export function tomtDokument(): Dokument {
  return {
    schemaversion: SCHEMAVERSION,
    enheter: [],
    utfall: [],
    atgarder: [],
    atgardsplaner: [],
    nyckeltal: [],
    anvandare: [],
    trosklar: [],
    konversationer: [],
    prenumerationer: [],
    utskick: [],
    handelser: [],
    mottagna: [],
  };
}
