import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MANIFEST_SCHEMA_VERSION,
  checkFileReference,
  referencedFiles,
  validateLocalization,
  validateManifest,
} from '../../src/package/manifest.js';
import { fillPlaceholders, leftoverPlaceholders } from '../../src/package/placeholders.js';
import { formatProblem } from '../../src/package/problem.js';

const appPackage = (name: string): string => fileURLToPath(new URL(`../../appPackage/${name}`, import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(appPackage(name), 'utf8'));

const TEST_VALUES: Record<string, string> = {
  TEAMS_APP_ID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  BOT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  APP_NAME_SUFFIX: ' (test)',
};
const lookup = (name: string): string | undefined => TEST_VALUES[name];

type Json = any;
const filledManifest = (): Json => fillPlaceholders(readJson('manifest.json'), lookup).value;
const lines = (problems: ReturnType<typeof validateManifest>): string[] => problems.map(formatProblem);

describe('package/manifest', () => {
  describe('the real appPackage/manifest.json', () => {
    it('validates against the v1.29 schema once its placeholders are filled', () => {
      const manifest = filledManifest();
      assert.deepEqual(lines(validateManifest(manifest)), []);
      assert.equal(manifest.manifestVersion, MANIFEST_SCHEMA_VERSION);
      assert.equal(manifest.id, TEST_VALUES.TEAMS_APP_ID);
      assert.equal(manifest.bots[0].botId, TEST_VALUES.BOT_ID);
      assert.equal(manifest.name.short, 'Budgetkollen (test)');
      assert.deepEqual(leftoverPlaceholders(manifest), []);
    });

    it('uses exactly the placeholders TEAMS_APP_ID, BOT_ID and APP_NAME_SUFFIX', () => {
      const names = fillPlaceholders(readJson('manifest.json'), lookup).used.map((u) => u.name);
      assert.deepEqual([...new Set(names)].sort(), ['APP_NAME_SUFFIX', 'BOT_ID', 'TEAMS_APP_ID']);
    });

    it('is a bot for personal, team and groupChat with the Swedish commands in every scope', () => {
      const bot = filledManifest().bots[0];
      assert.deepEqual(bot.scopes, ['personal', 'team', 'groupChat']);
      assert.equal(bot.supportsFiles, true, 'files are sent to the bot in personal chat (issue 17)');
      const byScope = new Map<string, string[]>();
      for (const list of bot.commandLists) {
        for (const scope of list.scopes)
          byScope.set(
            scope,
            list.commands.map((c: { title: string }) => c.title),
          );
      }
      for (const scope of bot.scopes) {
        assert.deepEqual(byScope.get(scope), ['hur ligger IFO mot budget?', 'rapportera', 'åtgärder', 'larm', 'hjälp'], scope);
      }
    });

    it('is Swedish by default with an English localization file that exists', () => {
      const manifest = filledManifest();
      assert.equal(manifest.localizationInfo.defaultLanguageTag, 'sv-SE');
      const refs = referencedFiles(manifest);
      assert.deepEqual(
        refs.localizations.map((r) => r.file),
        ['en-us.json'],
      );
      assert.deepEqual(refs.color?.file, 'color.png');
      assert.deepEqual(refs.outline?.file, 'outline.png');
    });
  });

  describe('validateManifest on broken copies', () => {
    it('rejects an unknown bot scope, naming the path and the allowed values', () => {
      const manifest = filledManifest();
      manifest.bots[0].scopes[0] = 'everyone';
      const found = lines(validateManifest(manifest));
      assert.ok(
        found.some(
          (l) => l.startsWith('manifest.json: /bots/0/scopes/0: must be equal to one of the allowed values') && l.includes('"groupChat"'),
        ),
        found.join('\n'),
      );
    });

    it('rejects a missing name.short', () => {
      const manifest = filledManifest();
      delete manifest.name.short;
      assert.deepEqual(lines(validateManifest(manifest)), ["manifest.json: /name: must have required property 'short'"]);
    });

    it('rejects another manifestVersion, showing the expected one', () => {
      const manifest = filledManifest();
      manifest.manifestVersion = '1.16';
      assert.deepEqual(lines(validateManifest(manifest)), ['manifest.json: /manifestVersion: must be equal to constant: "1.29"']);
    });

    it('rejects a $schema that points at another version', () => {
      const manifest = filledManifest();
      manifest.$schema = 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.16/MicrosoftTeams.schema.json';
      const found = lines(validateManifest(manifest));
      assert.equal(found.length, 1);
      assert.match(found[0], /^manifest\.json: \/\$schema: ska peka på schemat för v1\.29/);
    });

    it('rejects a bot id that is not a GUID and an unknown property', () => {
      const manifest = filledManifest();
      manifest.bots[0].botId = 'inte-ett-id';
      manifest.bots[0].färg = 'blå';
      const found = lines(validateManifest(manifest));
      assert.ok(
        found.some((l) => l.startsWith('manifest.json: /bots/0/botId: must match pattern')),
        found.join('\n'),
      );
      assert.ok(found.includes('manifest.json: /bots/0: must NOT have additional properties: "färg"'), found.join('\n'));
    });

    it('rejects a short name longer than Teams allows', () => {
      const manifest = filledManifest();
      manifest.name.short = 'Budgetkollen för hela kommunkoncernen';
      assert.deepEqual(lines(validateManifest(manifest)), ['manifest.json: /name/short: must NOT have more than 30 characters']);
    });
  });

  describe('the real appPackage/en-us.json', () => {
    it('validates against the localization schema once filled', () => {
      const filled = fillPlaceholders(readJson('en-us.json'), lookup).value as Json;
      assert.deepEqual(validateLocalization(filled, 'en-us.json').map(formatProblem), []);
      assert.equal(filled['name.short'], 'Budgetkollen (test)');
    });

    it('localizes every command description of every command list', () => {
      const loc = readJson('en-us.json') as Record<string, string>;
      const bot = filledManifest().bots[0];
      bot.commandLists.forEach((list: { commands: unknown[] }, i: number) =>
        list.commands.forEach((_c, j) => assert.ok(loc[`bots[0].commandLists[${i}].commands[${j}].description`], `${i}/${j}`)),
      );
    });

    it('rejects a broken copy with the key as path', () => {
      const filled = fillPlaceholders(readJson('en-us.json'), lookup).value as Json;
      filled['name.short'] = 'x'.repeat(31);
      filled['bots[0].commandLists[0].commands[0].colour'] = 'blue';
      const found = validateLocalization(filled, 'en-us.json').map(formatProblem);
      assert.ok(found.includes('en-us.json: /name.short: must NOT have more than 30 characters'), found.join('\n'));
      assert.ok(
        found.some((l) => l.startsWith('en-us.json: /: must NOT have additional properties')),
        found.join('\n'),
      );
    });
  });

  describe('placeholders', () => {
    it('reports each placeholder without a value, with its path, and leaves it unfilled', () => {
      const { value, missing } = fillPlaceholders(readJson('manifest.json'), (n) => (n === 'BOT_ID' ? undefined : TEST_VALUES[n]));
      assert.deepEqual(missing, [{ name: 'BOT_ID', path: '/bots/0/botId' }]);
      assert.equal((value as Json).bots[0].botId, '${{BOT_ID}}');
    });

    it('fills values verbatim, including characters that would break JSON text', () => {
      const { value } = fillPlaceholders({ a: ['x${{ V }}y'] }, () => '"\\\n');
      assert.deepEqual(value, { a: ['x"\\\ny'] });
    });

    it('finds malformed placeholders left after filling', () => {
      const { value } = fillPlaceholders({ a: { b: '${{BOT-ID}}' } }, () => 'v');
      assert.deepEqual(leftoverPlaceholders(value), [{ name: '${{BOT-ID}}', path: '/a/b' }]);
    });
  });

  describe('checkFileReference', () => {
    const exists = (name: string): boolean => name === 'color.png';
    it('accepts a bare file name that exists', () => {
      assert.deepEqual(checkFileReference({ path: '/icons/color', file: 'color.png' }, exists), []);
    });
    it('rejects a missing file and a path outside the zip root', () => {
      assert.deepEqual(checkFileReference({ path: '/icons/outline', file: 'outline.png' }, exists).map(formatProblem), [
        'manifest.json: /icons/outline: filen appPackage/outline.png finns inte',
      ]);
      assert.equal(checkFileReference({ path: '/icons/color', file: '../color.png' }, () => true).length, 1);
      assert.equal(checkFileReference({ path: '/icons/color', file: 'resources/color.png' }, () => true).length, 1);
    });
  });
});
