import { z } from 'zod';
import { RIMLIGHET_STANDARD, type Rimlighetsgranser } from './domain/rimlighet.js';
import { type Filgranser, STANDARDVARDAR_NEDLADDNING } from './domain/nedladdning.js';

const Miljovariabler = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  STORE_PATH: z.string().min(1).default('data/store.json'),
  STORE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/i, 'ska vara en PostgreSQL-adress, till exempel postgres://budgetkollen@värd:5432/budgetkollen')
    .optional(),
  UTKORG_LEASE_S: z.coerce.number().int().min(1).max(3600).default(120),
  BOT_ID: z.string().regex(/^\S*$/, 'får inte innehålla blanksteg').default(''),
  BOT_PASSWORD: z.string().default(''),
  BOT_TENANT_ID: z.string().regex(/^\S*$/, 'får inte innehålla blanksteg').default(''),
  ALLOWED_TENANTS: z.string().default(''),
  BUDGETKOLLEN_NOW: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/, 'ska skrivas ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTTT:MM+01:00')
    .refine((d) => !Number.isNaN(Date.parse(d)), 'är inget giltigt datum')
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  RAPPORTERINGSRUNDA: z.enum(['boten', 'extern']).default('boten'),
  NODE_ENV: z.string().default('development'),
  RIMLIGHET_UTFALL_MIN_PROCENT: z.coerce.number().min(0).max(1000).default(RIMLIGHET_STANDARD.utfallMinProcent),
  RIMLIGHET_UTFALL_MAX_PROCENT: z.coerce.number().min(0).max(10000).default(RIMLIGHET_STANDARD.utfallMaxProcent),
  RIMLIGHET_MINSKNING_PROCENT: z.coerce.number().min(0).max(100).default(RIMLIGHET_STANDARD.minskningProcent),
  RIMLIGHET_PROGNOS_MARGINAL_PROCENT: z.coerce.number().min(0).max(100).default(RIMLIGHET_STANDARD.prognosMarginalProcent),
  RIMLIGHET_PROGNOS_RIKTNING_PROCENT: z.coerce.number().min(0).max(1000).default(RIMLIGHET_STANDARD.prognosRiktningProcent),
  RIMLIGHET_BUDGETANDEL_PROCENTENHETER: z.coerce.number().min(0).max(100).default(RIMLIGHET_STANDARD.budgetandelProcentenheter),
  FILIMPORT_VARDAR: z.string().default(STANDARDVARDAR_NEDLADDNING.join(',')),
  FILIMPORT_MAX_MB: z.coerce.number().positive().max(1000).default(10),
  FILIMPORT_UPPACKAT_MB: z.coerce.number().positive().max(10000).default(100),
  FILIMPORT_TIDSGRANS_S: z.coerce.number().positive().max(600).default(30),
});

export interface Config {
  port: number;
  host: string;
  storePath: string;
  /** postgres://…: the shared PostgreSQL store instead of the file at storePath */
  storeUrl: string | null;
  /** PostgreSQL: how long an instance's claim on an alert holds before another instance may send it */
  utkorgLeaseMs: number;
  botId: string;
  botPassword: string;
  botTenantId: string;
  allowedTenants: string[];
  /** The clock: a fixed day from BUDGETKOLLEN_NOW, or a clock running from its time of day, otherwise the real time. */
  now: () => Date;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  production: boolean;
  /** who runs the reporting round's reminders: the bot on its own timer, or an external scheduler (npm run paminnelser) */
  rapporteringsrunda: 'boten' | 'extern';
  /** when a submitted figure is questioned before it is saved */
  rimlighet: Rimlighetsgranser;
  /** files sent to the bot (src/usecases/filimport.ts): allowed hosts, sizes, time limit */
  filgranser: Filgranser;
}

export class Konfigurationsfel extends Error {}

/** Values a platform or a shell compares as words, whatever their case ("Production"). */
const ORD = new Set(['NODE_ENV', 'LOG_LEVEL', 'RAPPORTERINGSRUNDA']);

/**
 * The environment as the schema reads it: blanks around a value (a copied id, `NODE_ENV=" production"`) are
 * dropped, words are lower-cased, and an empty variable counts as unset; a variable that is only blanks is a
 * mistake (`BOT_ID=" "` would otherwise read as set) and is refused.
 */
function normalisera(env: NodeJS.ProcessEnv): Record<string, string> {
  const ut: Record<string, string> = {};
  for (const namn of Miljovariabler.keyof().options) {
    const varde = env[namn];
    if (varde === undefined || varde === '') continue;
    const trimmat = varde.trim();
    if (trimmat === '')
      throw new Konfigurationsfel(`Ogiltig miljövariabel ${namn}: består bara av blanksteg; ta bort den eller ge den ett värde.`);
    ut[namn] = ORD.has(namn) ? trimmat.toLowerCase() : trimmat;
  }
  return ut;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function läsConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const tolkat = Miljovariabler.safeParse(normalisera(env));
  if (!tolkat.success) {
    const f = tolkat.error.issues[0];
    throw new Konfigurationsfel(`Ogiltig miljövariabel ${f.path.join('.')}: ${f.message}`);
  }
  const m = tolkat.data;
  const production = m.NODE_ENV === 'production';
  if (!m.BOT_ID && (!LOOPBACK.has(m.HOST) || production)) {
    throw new Konfigurationsfel(
      `Budgetkollen startar inte oautentiserad ${production ? 'med NODE_ENV=production' : `på ${m.HOST}`}: sätt BOT_ID, BOT_PASSWORD och BOT_TENANT_ID (Azure-botregistreringen), eller HOST=127.0.0.1 för lokal körning.`,
    );
  }
  if (m.RIMLIGHET_UTFALL_MIN_PROCENT >= m.RIMLIGHET_UTFALL_MAX_PROCENT)
    throw new Konfigurationsfel('RIMLIGHET_UTFALL_MIN_PROCENT måste vara mindre än RIMLIGHET_UTFALL_MAX_PROCENT.');
  if (m.BOT_ID && !m.BOT_PASSWORD) throw new Konfigurationsfel('BOT_ID är satt men BOT_PASSWORD saknas.');
  // The registration is single-tenant; without its tenant botbuilder fails later with an English stack trace.
  if (m.BOT_ID && !m.BOT_TENANT_ID)
    throw new Konfigurationsfel('BOT_ID är satt men BOT_TENANT_ID saknas: sätt det till Azure-botregistreringens tenant-id.');
  const angiven = m.BUDGETKOLLEN_NOW;
  const fast = angiven && !angiven.includes('T') ? new Date(`${angiven}T12:00:00Z`) : null;
  // with a time of day the clock runs on from there, so timers (the reporting round's reminders) come due
  const start = angiven?.includes('T') ? { dar: Date.parse(angiven), nar: Date.now() } : null;
  const allowed = m.ALLOWED_TENANTS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    port: m.PORT,
    host: m.HOST,
    storePath: m.STORE_PATH,
    storeUrl: m.STORE_URL ?? null,
    utkorgLeaseMs: m.UTKORG_LEASE_S * 1000,
    botId: m.BOT_ID,
    botPassword: m.BOT_PASSWORD,
    botTenantId: m.BOT_TENANT_ID,
    allowedTenants: allowed.length ? allowed : m.BOT_TENANT_ID ? [m.BOT_TENANT_ID] : [],
    now: fast ? () => new Date(fast) : start ? () => new Date(start.dar + (Date.now() - start.nar)) : () => new Date(),
    logLevel: m.LOG_LEVEL,
    production,
    rapporteringsrunda: m.RAPPORTERINGSRUNDA,
    rimlighet: {
      utfallMinProcent: m.RIMLIGHET_UTFALL_MIN_PROCENT,
      utfallMaxProcent: m.RIMLIGHET_UTFALL_MAX_PROCENT,
      minskningProcent: m.RIMLIGHET_MINSKNING_PROCENT,
      prognosMarginalProcent: m.RIMLIGHET_PROGNOS_MARGINAL_PROCENT,
      prognosRiktningProcent: m.RIMLIGHET_PROGNOS_RIKTNING_PROCENT,
      budgetandelProcentenheter: m.RIMLIGHET_BUDGETANDEL_PROCENTENHETER,
    },
    filgranser: {
      vardar: m.FILIMPORT_VARDAR.split(',')
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean),
      maxByte: Math.round(m.FILIMPORT_MAX_MB * 1024 * 1024),
      maxUppackat: Math.round(m.FILIMPORT_UPPACKAT_MB * 1024 * 1024),
      tidsgransMs: Math.round(m.FILIMPORT_TIDSGRANS_S * 1000),
    },
  };
}
