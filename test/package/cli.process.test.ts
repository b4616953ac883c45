import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { main, type CliContext } from '../../src/cli/package.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE_FILES = ['color.png', 'en-us.json', 'manifest.json', 'outline.png'];
const PLACEHOLDER_NAMES = ['TEAMS_APP_ID', 'BOT_ID', 'APP_NAME_SUFFIX'];

/** The test runner's environment without anything that would override env/.env.dev. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of PLACEHOLDER_NAMES) delete env[name];
  return { ...env, ...extra };
}

async function zipEntries(path: string): Promise<{ names: string[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name)
    .sort();
  return { names, zip };
}

describe('npm run package (src/cli/package.ts)', () => {
  describe('end to end, as a process on the real appPackage/', () => {
    const zipPath = join(ROOT, 'appPackage/build/appPackage.dev.zip');
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/package.ts', '--env', 'dev'], { cwd: ROOT, env, encoding: 'utf8' });

    it('writes appPackage/build/appPackage.dev.zip with the four files and no placeholder left', async () => {
      rmSync(zipPath, { force: true });
      const result = run(cleanEnv());
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /Manifestet är giltigt \(schema v1\.29\)/);
      assert.match(result.stdout, /Skrev appPackage\/build\/appPackage\.dev\.zip \(4 filer\)/);

      const { names, zip } = await zipEntries(zipPath);
      assert.deepEqual(names, PACKAGE_FILES);
      const manifestText = await zip.file('manifest.json')!.async('string');
      assert.ok(!manifestText.includes('${{'), manifestText);
      const localizationText = await zip.file('en-us.json')!.async('string');
      assert.ok(!localizationText.includes('${{'), localizationText);

      const manifest = JSON.parse(manifestText);
      assert.equal(manifest.name.short, 'Budgetkollen (dev)');
      assert.equal(manifest.bots[0].botId, '00000000-0000-0000-0000-000000000000');
      assert.deepEqual(await zip.file('color.png')!.async('nodebuffer'), readFileSync(join(ROOT, 'appPackage/color.png')));
      // The committed placeholder ids are valid but unusable, and the admin is told so.
      assert.match(result.stderr, /Varning: BOT_ID är platshållaren 00000000-0000-0000-0000-000000000000 \(från env\/\.env\.dev\)/);
    });

    it('lets real environment variables override env/.env.dev', async () => {
      const botId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
      const result = run(cleanEnv({ BOT_ID: botId, APP_NAME_SUFFIX: '' }));
      assert.equal(result.status, 0, result.stderr);
      const { zip } = await zipEntries(zipPath);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      assert.equal(manifest.bots[0].botId, botId);
      // An empty real variable does not override, so the suffix still comes from the file.
      assert.equal(manifest.name.short, 'Budgetkollen (dev)');
      assert.doesNotMatch(result.stderr, /Varning: BOT_ID/);
    });
  });

  describe('main() on a copy of the project', () => {
    let root: string;
    let out: string[];
    let err: string[];
    let ctx: CliContext;
    const zipIn = (r: string, env = 'dev'): string => join(r, `appPackage/build/appPackage.${env}.zip`);
    const editJson = (file: string, edit: (json: any) => void): void => {
      const path = join(root, 'appPackage', file);
      const json = JSON.parse(readFileSync(path, 'utf8'));
      edit(json);
      writeFileSync(path, JSON.stringify(json, null, 2));
    };

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'budgetkollen-package-'));
      for (const f of ['manifest.json', 'en-us.json', 'color.png', 'outline.png']) {
        cpSync(join(ROOT, 'appPackage', f), join(root, 'appPackage', f));
      }
      cpSync(join(ROOT, 'env/.env.dev'), join(root, 'env/.env.dev'));
      out = [];
      err = [];
      ctx = { root, realEnv: {}, out: (l) => out.push(l), err: (l) => err.push(l) };
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('writes the zip for a valid copy', async () => {
      assert.equal(await main([], ctx), 0, err.join('\n'));
      assert.deepEqual((await zipEntries(zipIn(root))).names, PACKAGE_FILES);
    });

    it('fails with exit code 1, the path and the reason, and writes no zip for a broken manifest', async () => {
      editJson('manifest.json', (m) => {
        m.bots[0].scopes[0] = 'everyone';
      });
      assert.equal(await main(['--env', 'dev'], ctx), 1);
      assert.ok(
        err.some((l) => l.startsWith('manifest.json: /bots/0/scopes/0: must be equal to one of the allowed values')),
        err.join('\n'),
      );
      assert.match(err.at(-1)!, /^Inget paket skrevs: \d+ fel att rätta\.$/);
      assert.equal(existsSync(zipIn(root)), false);
      assert.deepEqual(out, []);
    });

    it('names a placeholder without a value and the env file to put it in', async () => {
      writeFileSync(join(root, 'env/.env.dev'), readFileSync(join(ROOT, 'env/.env.dev'), 'utf8').replace(/^BOT_ID=.*$/m, ''));
      assert.equal(await main([], ctx), 1);
      assert.deepEqual(
        err.filter((l) => l.startsWith('manifest.json')),
        [
          'manifest.json: /bots/0/botId: Saknat värde för ${{BOT_ID}} i env/.env.dev (sätt BOT_ID där, i env/.env.dev.user eller som miljövariabel)',
        ],
      );
      assert.equal(existsSync(zipIn(root)), false);
    });

    it('takes a value from env/.env.<env>.user over env/.env.<env>', async () => {
      const botId = '11111111-2222-4333-8444-555555555555';
      writeFileSync(join(root, 'env/.env.dev.user'), `BOT_ID=${botId}\n`);
      assert.equal(await main([], ctx), 0, err.join('\n'));
      const { zip } = await zipEntries(zipIn(root));
      assert.equal(JSON.parse(await zip.file('manifest.json')!.async('string')).bots[0].botId, botId);
    });

    it('fails on a broken localization file', async () => {
      editJson('en-us.json', (l) => {
        delete l['description.short'];
      });
      assert.equal(await main([], ctx), 1);
      assert.ok(err.includes("en-us.json: /: must have required property 'description.short'"), err.join('\n'));
      assert.equal(existsSync(zipIn(root)), false);
    });

    it('fails on an outline icon without transparency', async () => {
      const opaque = new PNG({ width: 32, height: 32 });
      opaque.data.fill(255);
      writeFileSync(join(root, 'appPackage/outline.png'), PNG.sync.write(opaque, { colorType: 2 }));
      assert.equal(await main([], ctx), 1);
      assert.ok(err.includes('outline.png: saknar alfakanal; konturikonen ska vara vit på transparent bakgrund'), err.join('\n'));
      assert.equal(existsSync(zipIn(root)), false);
    });

    it('fails on a colour icon of the wrong size', async () => {
      cpSync(join(ROOT, 'appPackage/outline.png'), join(root, 'appPackage/color.png'));
      assert.equal(await main([], ctx), 1);
      assert.ok(err.includes('color.png: ska vara 192×192 pixlar, är 32×32'), err.join('\n'));
      assert.equal(existsSync(zipIn(root)), false);
    });

    it('fails on a missing icon file', async () => {
      rmSync(join(root, 'appPackage/color.png'));
      assert.equal(await main([], ctx), 1);
      assert.ok(err.includes('manifest.json: /icons/color: filen appPackage/color.png finns inte'), err.join('\n'));
    });

    it('fails on an unknown environment and on bad arguments', async () => {
      assert.equal(await main(['--env', 'prod'], ctx), 1);
      assert.ok(
        err.some((l) => l.startsWith('env/.env.prod: miljöfilen saknas')),
        err.join('\n'),
      );
      assert.equal(existsSync(zipIn(root, 'prod')), false);
      err.length = 0;
      assert.equal(await main(['--env', '../x'], ctx), 1);
      assert.match(err[0], /ogiltigt miljönamn/);
      err.length = 0;
      assert.equal(await main(['--miljo'], ctx), 1);
      assert.match(err[0], /okänt argument "--miljo"/);
    });
  });
});
