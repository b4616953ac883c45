import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Konfigurationsfel, läsConfig } from '../../src/config.js';
import { arPostgresadress, oppnaStore } from '../../src/store/oppna.js';
import { utanLosenord } from '../../src/store/postgres/adress.js';
import { Fillagring } from '../../src/store/store.js';

describe('lagringen väljs efter adressen', () => {
  it('STORE_URL valideras: en PostgreSQL-adress tas emot, annat ger ett svenskt besked', () => {
    assert.equal(
      läsConfig({ STORE_URL: 'postgres://bk@db.example:5432/bk?sslmode=verify-full' }).storeUrl,
      'postgres://bk@db.example:5432/bk?sslmode=verify-full',
    );
    assert.equal(läsConfig({}).storeUrl, null);
    assert.equal(läsConfig({ STORE_URL: '' }).storeUrl, null);
    assert.throws(
      () => läsConfig({ STORE_URL: 'mysql://bk@db/bk' }),
      (e: unknown) => e instanceof Konfigurationsfel && /STORE_URL: ska vara en PostgreSQL-adress/.test(e.message),
    );
    assert.equal(läsConfig({ UTKORG_LEASE_S: '3' }).utkorgLeaseMs, 3000);
  });

  it('postgres:// och postgresql:// är databasen, allt annat en fil; lösenordet visas aldrig', async () => {
    assert.ok(arPostgresadress('postgres://x@y/z') && arPostgresadress('POSTGRESQL://x@y/z'));
    assert.ok(!arPostgresadress('data/store.json') && !arPostgresadress('/tmp/postgres.json'));
    assert.equal(utanLosenord('postgres://bk:hemligt%40@db:5432/bk'), 'postgres://bk:***@db:5432/bk');
    const fil = join(mkdtempSync(join(tmpdir(), 'bk-oppna-')), 'store.json');
    const store = await oppnaStore(fil);
    assert.ok(store instanceof Fillagring);
    assert.equal(store.plats, fil);
    assert.equal((store as { delad?: unknown }).delad, undefined);
    await store.stang();
  });
});
