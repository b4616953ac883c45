import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { körCli } from '../support/cli.js';

/** Issue 13.9: the first question against a store that is not there, or empty, says so and how to fill it. */
describe('npm run ask utan data', () => {
  it('en lagring som inte finns: besked om hur den fylls, kod 1, och ingen fil skapas', () => {
    const fil = join(mkdtempSync(join(tmpdir(), 'bk-ask-')), 'saknas.json');
    const r = körCli('src/cli/ask.ts', '--store', fil, 'hur ligger IFO?');
    assert.equal(r.kod, 1);
    assert.match(r.fel, /finns inte/);
    assert.match(r.fel, /npm run dev/);
    assert.match(r.fel, /npm run import/);
    assert.doesNotMatch(r.ut + r.fel, /hittar ingen enhet/i);
    assert.equal(existsSync(fil), false);
  });

  it('en tom lagring: besked om att den är tom och hur den fylls, kod 1', async () => {
    const fil = join(mkdtempSync(join(tmpdir(), 'bk-ask-')), 'tom.json');
    const store = await Store.oppna(fil, () => new Date('2025-12-10T12:00:00Z'));
    await store.komprimera();
    await store.vanta();
    const r = körCli('src/cli/ask.ts', '--store', fil, 'hur ligger IFO?');
    assert.equal(r.kod, 1);
    assert.match(r.fel, /är tom/);
    assert.match(r.fel, /npm run import/);
  });
});
