/** A store address that means PostgreSQL rather than a file. */
export function arPostgresadress(plats: string): boolean {
  return /^postgres(ql)?:\/\//i.test(plats);
}

/** The address as it may be shown and logged: without its password. */
export function utanLosenord(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

const NATVERKSKODER = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Whether an error means the database could not be reached or the connection broke, as opposed to the
 * database refusing a statement: a reason to say "try again" and to keep trying to reconnect.
 */
export function arForbindelsefel(e: unknown): boolean {
  const fel = e as { code?: unknown; message?: unknown } | null;
  const kod = typeof fel?.code === 'string' ? fel.code : '';
  if (NATVERKSKODER.has(kod)) return true;
  // 08: connection exception; 57P01-03: terminated by the administrator, crash, cannot connect now;
  // 53300: too many connections; 55000 here: the database does not allow connections.
  if (/^08/.test(kod) || /^57P0[123]$/.test(kod) || kod === '53300' || kod === '55000') return true;
  const text = typeof fel?.message === 'string' ? fel.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Client was closed|ended unexpectedly/i.test(
    text,
  );
}

/** What went wrong reaching the database, in Swedish, for the person who has to fix it. */
export function beskrivForbindelsefel(e: unknown, url: string): string {
  const fel = e as { code?: unknown; message?: unknown } | null;
  const kod = typeof fel?.code === 'string' ? fel.code : '';
  let u: URL | null = null;
  try {
    u = new URL(url);
  } catch {
    /* shown as given */
  }
  const var_ = u ? `${u.hostname}:${u.port || '5432'}` : 'databasservern';
  const databas = u ? decodeURIComponent(u.pathname.replace(/^\//, '')) || '(standard)' : '(okänd)';
  if (kod === 'ECONNREFUSED') return `ingen databas svarar på ${var_}`;
  if (kod === 'ENOTFOUND' || kod === 'EAI_AGAIN') return `värden ${u?.hostname ?? ''} hittas inte`;
  if (kod === 'ETIMEDOUT' || /timeout/i.test(String(fel?.message ?? '')))
    return `${var_} svarar inte (en brandvägg kan stoppa anslutningen)`;
  if (kod === '28P01' || kod === '28000') return `inloggningen på ${var_} nekades (kontrollera användare och lösenord i adressen)`;
  if (kod === '3D000') return `databasen ${databas} finns inte på ${var_}`;
  if (kod === '55000' || kod === '57P03') return `databasen ${databas} tar inte emot anslutningar just nu`;
  if (/^57P0[12]$/.test(kod) || /terminated/i.test(String(fel?.message ?? ''))) return 'anslutningen till databasen bröts';
  return `databasfel: ${String(fel?.message ?? e).slice(0, 300)}`;
}
