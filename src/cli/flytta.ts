import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Lagringsfel } from '../store/fel.js';
import { arPostgresadress } from '../store/oppna.js';
import { flyttaTillPostgres, type Antal } from '../store/postgres/flytta.js';
import { utanLosenord } from '../store/postgres/adress.js';
import { Fillagring } from '../store/store.js';
import { argument } from './argument.js';

// `npm run flytta -- --fran data/store.json --till postgres://…`: the embedded store into an empty database.
const { flaggor } = argument(process.argv.slice(2), ['fran', 'till']);
const fran = resolve(flaggor.fran ?? (process.env.STORE_PATH || 'data/store.json'));
const till = flaggor.till ?? process.env.STORE_URL ?? '';
if (!arPostgresadress(till)) {
  process.stderr.write('Användning: npm run flytta -- --fran data/store.json --till postgres://användare@värd:5432/databas\n');
  process.exit(2);
}

const NAMN: Record<keyof Antal, string> = {
  enheter: 'enheter',
  utfall: 'versioner av utfall',
  atgarder: 'åtgärder',
  atgardsplaner: 'åtgärdsplaner',
  nyckeltal: 'nyckeltal',
  anvandare: 'användare',
  trosklar: 'trösklar',
  rapporteringsplaner: 'rapporteringsfrister',
  klarmarkeringar: 'klarmarkeringar',
  kodmappningar: 'koder i kodmappningen',
  rubrikmappningar: 'rubriker i rubrikmappningen',
  konversationer: 'konversationer',
  prenumerationer: 'prenumerationer',
  utskick: 'meddelanden i utkorgen',
  handelser: 'händelser i granskningsloggen',
  mottagna: 'mottagna kort',
};
const lista = (antal: Antal) =>
  (Object.keys(NAMN) as Array<keyof Antal>).map((k) => `${new Intl.NumberFormat('sv-SE').format(antal[k])} ${NAMN[k]}`).join(', ');

if (!existsSync(fran) && !existsSync(`${fran}.journal`)) {
  process.stderr.write(`${fran} finns inte; ange lagringsfilen med --fran. Inget har ändrats.\n`);
  process.exit(1);
}

try {
  // Locked like any writer, so the bot cannot change the file while it is copied.
  const store = await Fillagring.oppna(fran, () => new Date(), 'npm run flytta');
  const r = await flyttaTillPostgres(store.dokument, await store.granskningslogg(), fran, till);
  const mal = utanLosenord(till);
  if (r.typ === 'redan') {
    process.stdout.write(
      `${mal} har redan fått innehållet i ${fran} som det ser ut nu (flyttat ${r.tid.toISOString().slice(0, 10)}): ${lista(r.antal)}. Inget har ändrats.\n`,
    );
  } else {
    process.stdout.write(
      `Flyttade ${fran} till ${mal}: ${lista(r.antal)}. Databasen har lästs tillbaka och ger samma innehåll som filen. ` +
        'Sätt STORE_URL till databasens adress för boten; filen är orörd.\n',
    );
  }
} catch (e) {
  if (e instanceof Lagringsfel) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
