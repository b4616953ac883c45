// End to end, issue 3: every kind of question a controller asks, typed in the personal chat of the
// Microsoft 365 Agents Playground and answered by the real bot process over the demo data. Each
// reply's key figures are checked against values computed from data/demo/*.csv (./demodata.ts),
// on the card as Teams shows it (readableText) unless the answer is plain text.
import assert from 'node:assert/strict';
import {
  adaptiveCardOf,
  cardAction,
  cardActions,
  normalizeText,
  readableText,
  type BotMessage,
  demoPlayground,
} from '../support/playground.js';
import {
  Expectations,
  actionPlan,
  amount,
  childrenOf,
  figures,
  kpi,
  latestPeriod,
  measures,
  percent,
  periodName,
  plannedTotal,
  unit,
  units,
} from './demodata.js';

const NOW = '2025-12-10';
/** The last closed month at NOW, which every unit in the demo data has reported. */
const LATEST = '2025-11';

describe('e2e: questions through the Agents Playground (issue 3)', function () {
  const pg = demoPlayground(NOW);
  let chat: string;

  before(() => {
    chat = pg.personalChatId;
  });

  /** Asks in the personal chat and returns the bot's reply. */
  async function ask(question: string): Promise<BotMessage> {
    return pg.waitForReply(await pg.say(chat, question));
  }

  /** What the person sees: the card's text, or the plain text when there is no card. */
  function seen(reply: BotMessage): string {
    return normalizeText(readableText(reply));
  }

  function check(reply: BotMessage, expect: (e: Expectations) => void): void {
    const e = new Expectations(seen(reply));
    expect(e);
    assert.deepEqual(e.missing, [], e.message());
  }

  it('welcomes on install with the help card', async () => {
    const since = pg.mark();
    await pg.install(chat);
    const welcome = await pg.waitForBotMessage((m) => m.conversationId === chat, 15_000, { since });
    check(welcome, (e) => e.has('greeting', 'Budgetkollen').has('an example question', /hur ligger .* mot budget\?/i));
  });

  it('status: "hur ligger IFO mot budget?" gives IFO t.o.m. november 2025 with budget, utfall, deviation and forecast', async () => {
    const reply = await ask('hur ligger IFO mot budget?');
    assertStatus(reply, 'ifo', LATEST);
  });

  it('trend: "visa ifo månad för månad i år" lists every month of 2025 with its deviation to date', async () => {
    assertTrend(await ask('visa ifo månad för månad i år'), 'ifo');
  });

  it('prognos: "vad är helårsprognosen för socialnämnden?" gives forecast against annual budget and the change since October', async () => {
    const reply = await ask('vad är helårsprognosen för socialnämnden?');
    const now = figures('sn', LATEST);
    const before = figures('sn', '2025-10');
    check(reply, (e) =>
      e
        .has('unit', 'Socialnämnden')
        .has('year', /2025/)
        .has('annual budget', amount(now.budgetHelar))
        .has('forecast', amount(now.prognosHelar))
        .has('forecast deviation', amount(now.prognosavvikelse, { signed: true }))
        .has('verdict', now.prognosavvikelse < 0 ? /underskott/ : /överskott/)
        .has("October's forecast", amount(before.prognosHelar))
        .has('change since October', amount(now.prognosavvikelse - before.prognosavvikelse)),
    );
  });

  it('rankning: "vilka verksamheter har störst underskott?" ranks the verksamheter in deficit, worst first', async () => {
    const reply = await ask('vilka verksamheter har störst underskott?');
    const ranked = units()
      .filter((u) => u.typ === 'verksamhet')
      .map((u) => ({ u, f: figures(u.id, LATEST) }))
      .filter(({ f }) => f.avvikelse < 0)
      .sort((a, b) => a.f.avvikelse - b.f.avvikelse);
    assert.ok(ranked.length >= 3, 'the demo data has verksamheter in deficit');
    check(reply, (e) =>
      e
        .has('period', `t.o.m. ${periodName(LATEST)}`)
        .inOrder(
          'names, worst first',
          ranked.map(({ u }) => new RegExp(escapeRe(u.namn))),
        )
        .inOrder(
          'deviations and % of budget, worst first',
          ranked.flatMap(({ f }) => [amount(f.avvikelse, { signed: true }), percent(f.procent)]),
        ),
    );
    const surplus = units().filter((u) => u.typ === 'verksamhet' && figures(u.id, LATEST).avvikelse > 0);
    for (const u of surplus) assert.ok(!seen(reply).includes(u.namn), `${u.namn} is in surplus and should not be ranked`);
  });

  describe('nedbrytning: "var kommer underskottet i IFO ifrån?"', () => {
    let reply: BotMessage;
    const total = figures('ifo', LATEST);
    const children = childrenOf('ifo').map((u) => ({ u, f: figures(u.id, LATEST) }));
    before(async () => {
      reply = await ask('var kommer underskottet i IFO ifrån?');
    });

    it("splits IFO's deficit over the units below it, largest first, with each one's share", () => {
      const deficits = children.filter(({ f }) => f.avvikelse < 0).sort((a, b) => a.f.avvikelse - b.f.avvikelse);
      const sumDeficits = deficits.reduce((s, { f }) => s + f.avvikelse, 0);
      check(reply, (e) => {
        e.has('unit and period', `${unit('ifo').namn} t.o.m. ${periodName(LATEST)}`).has('total deficit', amount(total.avvikelse));
        e.inOrder(
          'each child in deficit with its deviation and share, largest first',
          deficits.flatMap(({ u, f }) => [
            new RegExp(escapeRe(u.namn)),
            amount(f.avvikelse, { signed: true }),
            // issue 14.6: a share is never "0 %" for an amount that is not zero
            (f.avvikelse / sumDeficits) * 100 < 0.5 ? /<1 ?%/ : new RegExp(`(?<!\\d)${Math.round((f.avvikelse / sumDeficits) * 100)} ?%`),
          ]),
        );
      });
    });

    it('the card a person sees also names what offsets the deficit, so the parts add up to the total', () => {
      // The deficits add up to more than IFO's total; the difference is a unit in surplus. The
      // fallbackText says so ("Motverkas av ..."), the card must too.
      const surpluses = children.filter(({ f }) => f.avvikelse > 0);
      assert.ok(surpluses.length > 0, 'the demo data has a unit in surplus under IFO');
      check(reply, (e) => {
        for (const { u, f } of surpluses)
          e.has(`${u.namn} in surplus`, new RegExp(escapeRe(u.namn))).has(`its surplus`, amount(f.avvikelse));
      });
    });
  });

  it('jämförelse: "jämför ifo och vård och stöd" puts both units\' figures side by side and names the worse', async () => {
    const reply = await ask('jämför ifo och vård och stöd');
    const ifo = figures('ifo', LATEST);
    const vos = figures('vos', LATEST);
    check(reply, (e) =>
      e
        .has('period', `t.o.m. ${periodName(LATEST)}`)
        .inOrder('IFO then Vård och stöd, each with budget, utfall, deviation, %', [
          /Individ- och familjeomsorg/,
          amount(ifo.budget),
          amount(ifo.utfall),
          amount(ifo.avvikelse),
          percent(ifo.procent),
          amount(ifo.prognosavvikelse),
          /Vård och stöd/,
          amount(vos.budget),
          amount(vos.utfall),
          amount(vos.avvikelse),
          percent(vos.procent),
          amount(vos.prognosavvikelse),
        ])
        .has('the difference', amount(ifo.avvikelse - vos.avvikelse))
        .has(
          'which is worse',
          `${ifo.avvikelse < vos.avvikelse ? 'Individ- och familjeomsorg' : 'Vård och stöd'} har den sämre avvikelsen`,
        ),
    );
  });

  describe('åtgärder: "visa åtgärdsplanen för vård och stöd"', () => {
    let reply: BotMessage;
    before(async () => {
      reply = await ask('visa åtgärdsplanen för vård och stöd');
    });

    it("lists the plan's measures with their status", () => {
      const rows = measures('vos');
      assert.equal(rows.length, 10);
      check(reply, (e) =>
        e.has('unit', 'Vård och stöd').inOrder(
          'each measure: nr, title, status',
          rows.flatMap((r) => [new RegExp(`(?<!\\d)${r.nr}(?!\\d)`), new RegExp(escapeRe(r.atgard!)), new RegExp(escapeRe(r.status!))]),
        ),
      );
    });

    it('the answer flags that the plan states 13 149 tkr while its rows add up to 13 549 tkr', () => {
      const stated = actionPlan('vos').angivenSumma;
      const rows = plannedTotal('vos');
      assert.deepEqual([stated, rows], [13149, 13549], "the demo data holds the seed's discrepancy");
      // The whole answer travels as the card's fallbackText (what clients without cards and
      // notifications show).
      const text = normalizeText(String(adaptiveCardOf(reply)?.fallbackText ?? reply.text));
      const e = new Expectations(text)
        .has('stated sum', amount(stated))
        .has('sum of rows', amount(rows))
        .has('difference', amount(rows - stated))
        .has('flag', /stämmer inte/);
      assert.deepEqual(e.missing, [], e.message());
    });

    it('the card a person sees in Teams also shows the sums and the flag', () => {
      const stated = actionPlan('vos').angivenSumma;
      const rows = plannedTotal('vos');
      check(reply, (e) =>
        e
          .has('stated sum', amount(stated))
          .has('sum of rows', amount(rows))
          .has('flag that they differ', /stämmer inte/),
      );
    });
  });

  it('nyckeltal: "vad är sjukfrånvaron i ifo?" gives 11,29 % for oktober 2025 against the 7 % target', async () => {
    const reply = await ask('vad är sjukfrånvaron i ifo?');
    const { varde, mal } = kpi('ifo', '2025-10', 'sjukfrånvaro');
    const lastYear = kpi('ifo', '2024-10', 'sjukfrånvaro');
    assert.equal(varde, 11.29);
    const fmt = (v: number) => normalizeText(v.toLocaleString('sv-SE', { maximumFractionDigits: 2 }));
    check(reply, (e) =>
      e
        .has('KPI', /Sjukfrånvaro/i)
        .has('unit', 'Individ- och familjeomsorg')
        .has('period (the KPIs lag a month)', 'oktober 2025')
        .has('value', `${fmt(varde)} %`)
        .has('target', `${fmt(mal)} %`)
        .has('same month last year', `${fmt(lastYear.varde)} %`),
    );
  });

  describe('hjälp', () => {
    let reply: BotMessage;
    before(async () => {
      reply = await ask('hjälp');
    });

    it('lists example questions as buttons that ask them', () => {
      check(reply, (e) => e.has('what the bot does', /budget/).has('an example', /hur ligger .* mot budget\?/i));
      const examples = cardActions(reply).filter((a) => a.data?.verb === 'fraga');
      assert.ok(examples.length >= 4, `expected example buttons, got ${JSON.stringify(cardActions(reply))}`);
      for (const a of examples) {
        assert.equal(a.type, 'Action.Submit');
        assert.equal(a.data.fraga, a.title, 'the button asks what it says');
      }
    });

    it('the card a person sees also says how fresh the figures are and how to report and subscribe to alerts', () => {
      // The fallbackText has all three; in Teams the card is what is shown.
      check(reply, (e) =>
        e
          .has('latest month', periodName(LATEST))
          .has('how controllers report', /rapportera/i)
          .has('how a channel subscribes to alerts', /prenumerera på larm/i),
      );
    });
  });

  it('färskhet: "hur färska är siffrorna?" gives the latest month per nämnd', async () => {
    const reply = await ask('hur färska är siffrorna?');
    const namnder = childrenOf(units().find((u) => u.typ === 'kommun')!.id);
    check(reply, (e) => {
      for (const n of namnder) e.has(n.namn, new RegExp(`${escapeRe(n.namn)}: t\\.o\\.m\\. ${periodName(latestPeriod(n.id))}`));
    });
  });

  it('follow-up: "hur ligger socialnämnden?" then "och i september?" gives Socialnämnden t.o.m. september 2025', async () => {
    assertStatus(await ask('hur ligger socialnämnden?'), 'sn', LATEST);
    const reply = await ask('och i september?');
    assertStatus(reply, 'sn', '2025-09');
    const september = figures('sn', '2025-09');
    const august = figures('sn', '2025-08');
    check(reply, (e) => e.has('September alone', amount(september.avvikelse - august.avvikelse, { signed: true })));
  });

  it('card button: "Visa trend" on the status card, submitted via the Playground, gives the trend', async () => {
    const status = await ask('hur ligger IFO mot budget?');
    const action = cardAction(status, 'Visa trend');
    assert.equal(action.type, 'Action.Submit');
    assert.deepEqual(action.data, { verb: 'fraga', fraga: action.data.fraga, enhet: 'ifo' });
    const since = pg.mark();
    await pg.submit(chat, status.messageId, action.data);
    const reply = await pg.waitForBotMessage((m) => m.conversationId === chat, 15_000, { since });
    assertTrend(reply, 'ifo');
  });

  // ---- shared checks ------------------------------------------------------------------------

  function assertStatus(reply: BotMessage, unitId: string, period: string): void {
    const f = figures(unitId, period);
    check(reply, (e) =>
      e
        .has('unit and period', `${unit(unitId).namn} t.o.m. ${periodName(period)}`)
        .has('verdict', f.avvikelse < 0 ? /underskott/i : /överskott/i)
        .has('budget to date', amount(f.budget))
        .has('outcome to date', amount(f.utfall))
        .has('deviation', amount(f.avvikelse, { signed: true }))
        .has('% of budget', percent(f.procent))
        .has('annual budget', amount(f.budgetHelar))
        .has('full-year forecast', amount(f.prognosHelar))
        .has('forecast deviation', amount(f.prognosavvikelse, { signed: true })),
    );
  }

  /** Every month of 2025 up to LATEST, in order, each with its deviation to date and % of budget. */
  function assertTrend(reply: BotMessage, unitId: string): void {
    const months = Array.from({ length: Number(LATEST.slice(5)) }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const first = figures(unitId, months[0]!);
    const last = figures(unitId, months.at(-1)!);
    check(reply, (e) =>
      e
        .has('unit', unit(unitId).namn)
        .has('verdict', last.avvikelse < first.avvikelse ? /sämre/ : /bättre/)
        .inOrder(
          'monthly deviation to date and % of budget',
          months.flatMap((p) => {
            const f = figures(unitId, p);
            return [amount(f.avvikelse, { signed: true }), percent(f.procent)];
          }),
        ),
    );
    assert.ok(!seen(reply).includes('december 2025'), 'no month after the latest report');
  }
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
