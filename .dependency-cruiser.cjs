/**
 * The layers of src/ (docs/design.md), kept by dependency-cruiser: `npm run boundaries`, part of `npm test`.
 *
 *   domain    <- language <- answers <- alerts <- usecases <- teams <- index.ts, cli
 *   domain    <- store    <------------ alerts
 *   cards (templates) <- answers (types only) ... teams (binding)
 *   answers (the report's view model) <- rapport (.xlsx, .docx) <- teams, cli
 *
 * Each folder may import only the folders listed for it below, so the folders form no circle; no file
 * imports itself through others either.
 */
const KARNA = '^src/(domain|language|answers)/';
const BOTRAMVERK = '^node_modules/(botbuilder[^/]*|botframework-[^/]*|@microsoft/teams-ai)/';

/** A rule: files in `mapp` may import nothing in src/ outside `tillatna` (and themselves). */
function endast(mapp, tillatna, kommentar) {
  const egna = [mapp, ...tillatna].map((m) => (m.endsWith('.ts') ? m.replace('.', '\\.') : `${m}/`)).join('|');
  return {
    name: `${mapp}-importerar-bara-${tillatna.join('-') || 'sig-sjalv'}`.replace(/\.ts/g, ''),
    comment: kommentar,
    severity: 'error',
    from: { path: `^src/${mapp}/` },
    to: { path: '^src/', pathNot: `^src/(${egna})` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'ingen-cykel-mellan-filer',
      comment: 'No file may import itself through other files.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'ingen-cykel-mellan-mappar',
      comment: 'No folder may import itself through other folders.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'bara-teams-kanner-teams',
      comment: 'botbuilder and teams-ai are imported only in src/teams/; a later port swaps that one folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/teams/' },
      to: { path: BOTRAMVERK },
    },
    {
      name: 'karnan-utan-io',
      comment: 'domain/, language/ and answers/ are pure: no file system, network, processes or clock of their own.',
      severity: 'error',
      from: { path: KARNA },
      to: { dependencyTypes: ['core'] },
    },
    endast('domain', [], 'domain/ is the vocabulary: it imports nothing else in src/.'),
    endast('language', ['domain'], "language/ reads the user's words into a Fraga; it knows the domain and nothing else."),
    endast('cards', ['diagram'], 'cards/ are the templates, their data types and their binding.'),
    endast('diagram', [], 'diagram/ draws charts as PNG (echarts on the server, resvg); it knows nothing of the bot.'),
    endast('answers', ['domain', 'language', 'cards', 'diagram'], 'answers/ turn a Fraga and the register into a Svar; no store, no Teams.'),
    endast('store', ['domain', 'logg.ts'], 'store/ keeps the document (and logs what happens to its database); it knows neither alerts nor answers.'),
    endast(
      'rapport',
      ['domain', 'answers', 'diagram'],
      "rapport/ writes the monthly report's view model (answers/manadsrapport.ts) as .xlsx and .docx; no store, no Teams.",
    ),
    endast('alerts', ['domain', 'language', 'answers', 'cards', 'store', 'logg.ts'], 'alerts/ evaluate, plan and send alerts.'),
    endast(
      'usecases',
      ['domain', 'language', 'answers', 'cards', 'diagram', 'store', 'alerts', 'logg.ts'],
      'usecases/ are what a user does that changes something: above the store and the alerts, below Teams.',
    ),
    endast(
      'teams',
      ['domain', 'language', 'answers', 'cards', 'diagram', 'rapport', 'store', 'alerts', 'usecases', 'logg.ts', 'config.ts'],
      'teams/ translate between Teams and the core.',
    ),
    endast('package', [], 'package/ builds the Teams app package; it knows nothing of the bot.'),
    {
      name: 'ingen-importerar-cli-eller-index',
      comment: 'The command line and the composition root are entry points, never imported.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/(cli/|index\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
