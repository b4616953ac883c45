import { z } from 'zod';
import { PERIOD_MONSTER } from './period.js';

export const ENHETSTYPER = ['kommun', 'nämnd', 'förvaltning', 'verksamhetsområde', 'verksamhet', 'enhet'] as const;
export const ROLLER = ['chef', 'controller', 'admin'] as const;
export const ATGARDSSTATUS = ['ej påbörjad', 'pågår', 'försenad', 'genomförd', 'avbruten'] as const;
export const KATEGORIER = ['A', 'B'] as const;

/** Keys are built by joining ids with "|" (src/store/samlingar.ts, the outbox ids), and lists in the CSV files are split on it. */
const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^|]*$/, 'får inte innehålla tecknet |');
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
  /** why a month already marked ready was changed (src/domain/klarmarkering.ts); only on such a version */
  korrigering: z.string().max(2000).nullable().optional(),
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

/**
 * The audit events that answers and submissions read back: a measure's versions (its history, a card built on an
 * older version) and processed cards (a retried card gets the same receipt). Only these are kept in memory, in
 * `Dokument.handelser`; the whole audit log, these included, is stored append-only beside it (the file store's
 * `.granskningslogg`, the database's table `handelser`) and never read at start-up.
 */
export const HANDELSETYPER_I_MINNET: ReadonlySet<string> = new Set(['atgarder', 'mottaget']);

export const handelseIMinnet = (h: { typ?: unknown }): boolean => typeof h.typ === 'string' && HANDELSETYPER_I_MINNET.has(h.typ);

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
  /** a personal chat: whose it is (the AAD object id), so the round's reminders find it */
  anvandare: z.string().nullable().optional(),
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

export const FRISTTYPER = ['arbetsdag', 'datum', 'ingen'] as const;
const datum = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'datum skrivs ÅÅÅÅ-MM-DD');

/**
 * The reporting deadline of a unit (the municipality, or a nämnd that has its own), for every month (period null)
 * or for one month. The nearest rule up the tree applies (src/domain/rapporteringsplan.ts).
 */
export const RapporteringsplanSchema = z.object({
  enhet: id,
  period: periodSchema.nullable(),
  /** "arbetsdag": the n:th working day of the month after; "datum": a date; "ingen": no reporting that month */
  frist: z.enum(FRISTTYPER),
  arbetsdag: z.number().int().min(1).max(23).nullable(),
  datum: datum.nullable(),
  /** months of the year without reporting (7 = July), on a rule for every month */
  uppehall: z.array(z.number().int().min(1).max(12)),
  /** reminders start this many working days before the deadline; null: as the rule above, else 3 */
  paminn_dagar: z.number().int().min(0).max(20).nullable(),
  /** the time of day reminders go out, Swedish time; null: as the rule above, else 08:00 */
  klockslag: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'klockslag skrivs TT:MM')
    .nullable(),
  andrad_av: z.string().max(200),
  andrad: tidpunkt,
});
export type Rapporteringsplan = z.infer<typeof RapporteringsplanSchema>;

/** A closed month marked ready ("klarmarkerad") for a unit and everything below it; unmarked is klar false. */
export const KlarmarkeringSchema = z.object({
  enhet: id,
  period: periodSchema,
  klar: z.boolean(),
  av: z.string().max(200),
  tid: tidpunkt,
});
export type Klarmarkering = z.infer<typeof KlarmarkeringSchema>;

export const LARMNIVAER = ['ok', 'varning', 'kritisk'] as const;
export type Larmniva = (typeof LARMNIVAER)[number];

/** What an alert is about; each kind has its text in src/alerts/larmvy.ts. */
export const LARMSLAG = ['varning', 'kritisk', 'återställt', 'åtgärdsplan'] as const;
/** The reporting round's messages (src/alerts/runda.ts): the same outbox, retries and limits as the alerts. */
export const RUNDSLAG = ['påminnelse', 'sen_rapportering', 'korrigering'] as const;
export type Rundslag = (typeof RUNDSLAG)[number];

export const UtskickSchema = z.object({
  id: z.string(),
  konversation: z.string(),
  enhet: id,
  period: periodSchema,
  slag: z.enum([...LARMSLAG, ...RUNDSLAG]),
  skapad: tidpunkt,
  status: z.enum(['väntar', 'skickat', 'misslyckat']),
  forsok: z.number().int().nonnegative(),
  nasta_forsok: tidpunkt.nullable(),
  senaste_fel: z.string().nullable(),
  skickat: tidpunkt.nullable(),
  /**
   * an alert's view model (src/alerts/larmvy.ts), fixed when it was planned; text and card are built from it.
   * A round message (RUNDSLAG) holds its answer as planned: `{ svar }`.
   */
  innehall: z.record(z.unknown()),
});
export type Utskick = z.infer<typeof UtskickSchema>;

/** A new outbox entry: waiting, not yet tried. */
export function nyttUtskick(f: Pick<Utskick, 'id' | 'konversation' | 'enhet' | 'period' | 'slag' | 'innehall'>, nu: Date): Utskick {
  const { innehall, ...rest } = f;
  return { ...rest, skapad: nu.toISOString(), status: 'väntar', forsok: 0, nasta_forsok: null, senaste_fel: null, skickat: null, innehall };
}

/** The columns a ledger export (huvudbok) is read as, after its header mapping. */
export const HUVUDBOKSKOLUMNER = ['kod', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar'] as const;

/** A code of the ledger (ansvar or verksamhet) and the unit its rows are summed into. */
export const KodmappningSchema = z.object({
  kod: z.string().min(1).max(100),
  enhet: id,
});
export type Kodmappning = z.infer<typeof KodmappningSchema>;

/** A ledger export's header (compared without case, spaces or diacritics: `rubrik` is kept in that form) and its column. */
export const RubrikmappningSchema = z.object({
  rubrik: z.string().min(1).max(200),
  kolumn: z.enum(HUVUDBOKSKOLUMNER),
});
export type Rubrikmappning = z.infer<typeof RubrikmappningSchema>;

// 4: `handelser` holds only the events of HANDELSETYPER_I_MINNET; the audit log is stored beside the document
export const SCHEMAVERSION = 4;

export const DokumentSchema = z.object({
  schemaversion: z.literal(SCHEMAVERSION),
  enheter: z.array(EnhetSchema),
  utfall: z.array(UtfallSchema),
  atgarder: z.array(AtgardSchema),
  atgardsplaner: z.array(AtgardsplanSchema),
  nyckeltal: z.array(NyckeltalSchema),
  anvandare: z.array(AnvandareSchema),
  trosklar: z.array(TroskelSchema),
  rapporteringsplaner: z.array(RapporteringsplanSchema),
  klarmarkeringar: z.array(KlarmarkeringSchema),
  kodmappningar: z.array(KodmappningSchema),
  rubrikmappningar: z.array(RubrikmappningSchema),
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
    rapporteringsplaner: [],
    klarmarkeringar: [],
    kodmappningar: [],
    rubrikmappningar: [],
    konversationer: [],
    prenumerationer: [],
    utskick: [],
    handelser: [],
    mottagna: [],
  };
}
