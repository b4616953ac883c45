// Files sent to the bot with PostgreSQL: the preview waits in the database, so Importera can land on another
// instance; the ledger's code mapping is stored and read back like every other table.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { kortSomText } from '../../src/cards/somText.js';
import { läsImportkalla } from '../../src/store/importkalla.js';
import { läsImportmapp } from '../../src/store/import.js';
import { Pglagring } from '../../src/store/postgres/pglagring.js';
import { importera } from '../../src/usecases/import.js';
import { skrivArbetsbok } from '../support/arbetsbok.js';
import { DEMO, DEMO_NU, läsbar } from '../support/demo.js';
import { kortIAktiviteter } from '../support/kort.js';
import { fraga, kravPostgres, nyDatabas, rensaDatabaser } from '../support/postgres.js';
import { ALEX, testbot } from '../support/testbot.js';
import { filmeddelande, filserver } from '../filimport/stod.js';
import { tills } from '../hardening/stod.js';

describe('PostgreSQL: filer till boten och huvudbokens mappningar', function () {
  this.timeout(120000);
  const oppnade: Pglagring[] = [];
  const klocka = () => new Date(DEMO_NU);
  before(async function () {
    await kravPostgres(this);
  });
  after(async () => {
    for (const s of oppnade.splice(0)) await s.stang();
    await rensaDatabaser();
  });

  it('förhandsvisningen på en instans importeras från en annan; kodmappningen finns i tabellen', async () => {
    const url = await nyDatabas();
    const a = await Pglagring.oppna(url, klocka, 'a');
    const b = await Pglagring.oppna(url, klocka, 'b');
    oppnade.push(a, b);
    await importera(a, läsImportmapp(DEMO));
    await importera(a, await läsImportkalla(join(process.cwd(), 'data', 'huvudbok')));
    const [{ n }] = await fraga<{ n: number }>(url, 'SELECT count(*)::int AS n FROM kodmappningar');
    assert.equal(n, a.dokument.kodmappningar.length);
    await tills(() => b.dokument.kodmappningar.length === n, 5000, 'B har kodmappningen');

    const server = await filserver();
    try {
      const fil = await skrivArbetsbok([
        {
          namn: 'Utfall',
          rader: [
            ['enhet', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar', 'kommentar'],
            ['bou', '2026-01', 2000, 2600, 24500, 31000, null],
          ],
        },
      ]);
      const botA = await testbot({ store: a, klocka });
      const botB = await testbot({ store: b, klocka });
      const kort = kortIAktiviteter(await botA.kanal.skicka(filmeddelande('januari.xlsx', server.lagg('januari.xlsx', fil)), ALEX));
      assert.match(läsbar(kortSomText(kort)), /Barn och unga: januari 2026, utfall 2 600 tkr/);
      const [imp] = (kort.actions as Array<{ verb: string; data: Record<string, unknown> }>).filter((x) => x.verb);
      const [{ antal }] = await fraga<{ antal: number }>(
        url,
        "SELECT count(*)::int AS antal FROM nyckelvarden WHERE nyckel LIKE 'filimport|%'",
      );
      assert.equal(antal, 1, 'förhandsvisningen väntar i databasen');
      const kvitto = läsbar(kortSomText(await botB.execute(imp.verb, imp.data, ALEX)));
      assert.match(kvitto, /Importerat: januari\.xlsx/);
      await tills(() => a.register.senasteVersion('bou', '2026-01')?.utfall_ack === 2600, 5000, 'A ser importen');
      const rader = await fraga<{ typ: string; vem: string }>(
        url,
        "SELECT rad ->> 'typ' AS typ, rad ->> 'vem' AS vem FROM handelser WHERE rad ->> 'typ' = 'filimport'",
      );
      assert.deepEqual(rader, [{ typ: 'filimport', vem: ALEX.anvandare }]);
    } finally {
      await server.stang();
    }
  });
});
