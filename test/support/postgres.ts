// Test support: a real PostgreSQL server (127.0.0.1:5432, user postgres, trust authentication, as on the
// development and CI machines). Each run makes its own databases, named bk_test_<random>_<n>, and drops them.
// Without a server the PostgreSQL suites are skipped with one line; with CI=true they fail instead.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TESTSERVER = process.env.BUDGETKOLLEN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KORNING = `bk_test_${randomBytes(4).toString('hex')}`;
const skapade = new Set<string>();
let nr = 0;
let svarar: Promise<string | null> | null = null;
let sagt = false;

/** null when the server answers, otherwise why not. */
function serverSvarar(): Promise<string | null> {
  svarar ??= (async () => {
    const k = new pg.Client({ connectionString: TESTSERVER, connectionTimeoutMillis: 3000 });
    try {
      await k.connect();
      await k.query('SELECT 1');
      return null;
    } catch (e) {
      return (e as Error).message || String(e);
    } finally {
      await k.end().catch(() => undefined);
    }
  })();
  return svarar;
}

/** In a suite's `before`: skips the suite when no server answers (fails with CI=true). */
export async function kravPostgres(ctx: Mocha.Context): Promise<void> {
  const fel = await serverSvarar();
  if (!fel) return;
  if (/^(1|true)$/i.test(process.env.CI ?? ''))
    throw new Error(`CI=true: PostgreSQL-testerna kräver en server på ${TESTSERVER}, men: ${fel}`);
  if (!sagt) {
    sagt = true;
    process.stdout.write(
      `  PostgreSQL svarar inte på ${TESTSERVER} (${fel}): PostgreSQL-testerna hoppas över (med CI=true fäller de körningen).\n`,
    );
  }
  ctx.skip();
}

/** Runs SQL against the server's maintenance database (not one under test). */
export async function administrera<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, varden: unknown[] = []): Promise<T[]> {
  const k = new pg.Client({ connectionString: TESTSERVER });
  await k.connect();
  try {
    return (await k.query<T>(sql, varden)).rows;
  } finally {
    await k.end().catch(() => undefined);
  }
}

/** A new empty database for this run; its address. */
export async function nyDatabas(): Promise<string> {
  const namn = `${KORNING}_${++nr}`;
  await administrera(`CREATE DATABASE ${namn}`);
  skapade.add(namn);
  const url = new URL(TESTSERVER);
  url.pathname = `/${namn}`;
  return url.toString();
}

export function databasnamn(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** SQL against a database under test. */
export async function fraga<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  sql: string,
  varden: unknown[] = [],
): Promise<T[]> {
  const k = new pg.Client({ connectionString: url });
  await k.connect();
  try {
    return (await k.query<T>(sql, varden)).rows;
  } finally {
    await k.end().catch(() => undefined);
  }
}

/** Drops every database this run created so far (closing their connections first). */
export async function rensaDatabaser(): Promise<void> {
  if ((await serverSvarar()) !== null) return;
  for (const namn of [...skapade]) {
    await administrera(`DROP DATABASE IF EXISTS ${namn} WITH (FORCE)`);
    skapade.delete(namn);
  }
}

/** Ends every connection to the database: what a restarted or failed-over server does to its clients. */
export async function brytAnslutningar(url: string): Promise<number> {
  const rader = await administrera<{ pid: number }>(
    'SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [databasnamn(url)],
  );
  return rader.length;
}

/** Stops (false) or allows (true) new connections to the database, as when its server is down. */
export async function tillatAnslutningar(url: string, tillat: boolean): Promise<void> {
  await administrera(`ALTER DATABASE ${databasnamn(url)} WITH ALLOW_CONNECTIONS ${tillat}`);
}
