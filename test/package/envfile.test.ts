import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envFilesFor, isValidEnvName, loadEnv, parseEnvFile } from '../../src/package/envfile.js';
import { formatProblem } from '../../src/package/problem.js';

describe('package/envfile', () => {
  describe('parseEnvFile', () => {
    it('reads KEY=VALUE lines and skips comments and blank lines', () => {
      const text = ['# kommentar', '', 'TEAMS_APP_ID=abc', '  BOT_ID = def  ', 'export PORT=3978'].join('\n');
      const { values, problems } = parseEnvFile(text, 'env/.env.dev');
      assert.deepEqual(problems, []);
      assert.deepEqual(values, { TEAMS_APP_ID: 'abc', BOT_ID: 'def', PORT: '3978' });
    });

    it('keeps leading spaces inside quotes and drops inline comments after unquoted values', () => {
      const text = 'APP_NAME_SUFFIX=" (dev)"\nSINGLE=\'a # b\'\nPLAIN=x # kommentar\nHASH=a#b\nESC="rad\\nett \\"citat\\""';
      const { values } = parseEnvFile(text, 'f');
      assert.equal(values.APP_NAME_SUFFIX, ' (dev)');
      assert.equal(values.SINGLE, 'a # b');
      assert.equal(values.PLAIN, 'x');
      assert.equal(values.HASH, 'a#b');
      assert.equal(values.ESC, 'rad\nett "citat"');
    });

    it('treats KEY= as an empty value, not a missing one', () => {
      assert.deepEqual(parseEnvFile('APP_NAME_SUFFIX=\r\n', 'f').values, { APP_NAME_SUFFIX: '' });
    });

    it('reports a malformed line with file and line number', () => {
      const { problems } = parseEnvFile('A=1\nbara text\nB="oavslutad', 'env/.env.dev');
      assert.deepEqual(problems.map(formatProblem), [
        'env/.env.dev:2: raden ska ha formen NAMN=värde, fick "bara text"',
        'env/.env.dev:3: värdet för B saknar avslutande citattecken',
      ]);
    });
  });

  describe('loadEnv', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'budgetkollen-env-'));
      mkdirSync(join(root, 'env'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('layers env/.env.<env>, then env/.env.<env>.user, then real environment variables', () => {
      writeFileSync(join(root, 'env/.env.dev'), 'A=fil\nB=fil\nC=fil\n');
      writeFileSync(join(root, 'env/.env.dev.user'), 'B=user\nC=user\n');
      const { env, problems } = loadEnv(root, 'dev', { C: 'miljö' });
      assert.deepEqual(problems, []);
      assert.deepEqual([env.get('A'), env.get('B'), env.get('C'), env.get('D')], ['fil', 'user', 'miljö', undefined]);
      assert.deepEqual(
        [env.sourceOf('A'), env.sourceOf('B'), env.sourceOf('C')],
        ['env/.env.dev', 'env/.env.dev.user', 'miljövariabeln C'],
      );
    });

    it('does not let an empty real environment variable blank out a file value', () => {
      writeFileSync(join(root, 'env/.env.dev'), 'BOT_ID=11111111-1111-1111-1111-111111111111\n');
      const { env } = loadEnv(root, 'dev', { BOT_ID: '' });
      assert.equal(env.get('BOT_ID'), '11111111-1111-1111-1111-111111111111');
    });

    it('reports a missing env file and works without the optional .user file', () => {
      const { problems } = loadEnv(root, 'prod', {});
      assert.equal(problems.length, 1);
      assert.match(formatProblem(problems[0]), /^env\/\.env\.prod: miljöfilen saknas/);
    });
  });

  it('names the env files and accepts only plain environment names', () => {
    assert.deepEqual(envFilesFor('dev'), { base: 'env/.env.dev', user: 'env/.env.dev.user' });
    assert.equal(isValidEnvName('dev'), true);
    assert.equal(isValidEnvName('prod-2'), true);
    assert.equal(isValidEnvName('../secret'), false);
    assert.equal(isValidEnvName(''), false);
  });
});
