// End to end: the real bot process, with the demo data imported by the real import CLI, answering
// status questions asked through the Microsoft 365 Agents Playground in a personal chat and a channel.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/cli/playground.js';
import { normalizeText, readableText, type BotMessage, demoPlayground } from '../support/playground.js';

const QUESTION = 'hur ligger IFO mot budget?';

describe('e2e: status questions through the Agents Playground', function () {
  const pg = demoPlayground('2025-12-10');

  it('answers "hur ligger IFO mot budget?" in the personal chat with IFO\'s figures for november 2025', async () => {
    const sent = await pg.say(pg.personalChatId, QUESTION);
    const reply = await pg.waitForReply(sent, mentions('Individ- och familjeomsorg'));
    assertIfoNovember(reply);
  });

  it('answers the same question in the General channel when the bot is mentioned, in the thread', async () => {
    const sent = await pg.say(pg.generalChannelId, QUESTION, { mention: true });
    assert.notEqual(sent.conversationId, pg.generalChannelId, 'a channel post starts a thread');
    const reply = await pg.waitForReply(sent, mentions('Individ- och familjeomsorg'));
    assert.equal(reply.conversationId, sent.conversationId);
    assertIfoNovember(reply);
  });

  it('stays silent in the channel when the bot is not mentioned', async () => {
    const since = pg.mark();
    const sent = await pg.say(pg.generalChannelId, QUESTION);
    const here = (conversationId?: string) => conversationId === sent.conversationId || conversationId === pg.generalChannelId;
    await pg.expectNoBotMessage((m) => here(m.conversationId) || here(m.postConversationId), 3000, { since });
    assert.deepEqual(
      pg.log.filter((e) => e.seq > since && e.direction === 'toBot' && here(e.conversationId)),
      [],
      'the message never reached the bot',
    );
  });
});

function mentions(text: string): (message: BotMessage) => boolean {
  return (message) => readableText(message).includes(text);
}

/** The reply names the unit and the period and carries IFO's figures, computed here from the CSVs. */
function assertIfoNovember(reply: BotMessage): void {
  const seen = normalizeText(readableText(reply));
  const expected = ifoFigures('ifo', '2025-11');
  const problems: string[] = [];
  const expect = (what: string, pattern: RegExp) => {
    if (!pattern.test(seen)) problems.push(`${what} ${pattern}`);
  };
  expect('unit', /Individ- och familjeomsorg/);
  expect('period', /november 2025/);
  expect('budget to date', amount(expected.budget));
  expect('outcome to date', amount(expected.utfall));
  const deviation = round(expected.budget - expected.utfall); // negative: underskott
  expect('deviation', amount(Math.abs(deviation)));
  expect('verdict', deviation < 0 ? /underskott/i : /överskott/i);
  expect('annual budget', amount(expected.budgetHelar));
  expect('full-year forecast', amount(expected.prognosHelar));
  assert.deepEqual(problems, [], `the reply lacks ${problems.join(', ')}:\n${seen}`);
}

/** Sum of the leaf rows of utfall.csv below `unit` (units tree from enheter.csv) for one period. */
function ifoFigures(unit: string, period: string) {
  const units = readCsv('enheter.csv');
  const childrenOf = (id: string) => units.filter((u) => u.foralder === id).map((u) => u.id!);
  const leaves: string[] = [];
  const walk = (id: string) => {
    const children = childrenOf(id);
    if (children.length === 0) leaves.push(id);
    children.forEach(walk);
  };
  walk(unit);
  const rows = readCsv('utfall.csv').filter((r) => leaves.includes(r.enhet!) && r.period === period);
  assert.ok(rows.length > 0, `no rows for ${unit} ${period} in data/demo/utfall.csv`);
  const sum = (column: string) => round(rows.reduce((total, r) => total + Number(r[column]!.replace(',', '.')), 0));
  return {
    budget: sum('budget_ack'),
    utfall: sum('utfall_ack'),
    budgetHelar: sum('budget_helar'),
    prognosHelar: sum('prognos_helar'),
  };
}

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(REPO_ROOT, 'data', 'demo', file), 'utf-8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const columns = header!.split(';');
  return lines.map((line) => {
    const cells = line.split(';');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** The amount as Intl sv-SE writes it, as a whole number: not part of a longer one like "19 870" or "9 870,5". */
function amount(value: number): RegExp {
  const text = normalizeText(new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(value));
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d,]|\\d )${escaped}(?!\\d|,\\d| \\d{3})`);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
