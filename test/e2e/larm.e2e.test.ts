// End to end, issue 5: deviation alerts to a Teams channel through the Agents Playground. The app is
// installed in the team the way Teams does it (custom activities installationUpdate + the bot
// added), the General channel subscribes to IFO by a message that mentions the bot, a controller
// reports figures over IFO's threshold on the form card in the personal chat, and the alert card
// arrives in General over the Playground's websocket, as a proactive post from the outbox sender.
// The same figures again send nothing.
import assert from 'node:assert/strict';
import {
  actionPayload,
  adaptiveCardOf,
  cardAction,
  cardInputs,
  normalizeText,
  readableText,
  type BotMessage,
  demoPlayground,
} from '../support/playground.js';
import { Expectations, amount, num, percent, periodName, readDemoCsv, round1, unit } from './demodata.js';

const NOW = '2025-12-10';
const CARD = 'application/vnd.microsoft.card.adaptive';
/** The outbox sender polls every 500 ms; an alert that has not come in this long is not coming. */
const QUIET_MS = 3000;

describe('e2e: deviation alerts to a channel through the Agents Playground (issue 5)', function () {
  const pg = demoPlayground(NOW);
  let general: string;

  before(() => {
    general = pg.generalChannelId;
  });

  const threshold = readDemoCsv('trosklar.csv').find((r) => r.enhet === 'ifo')!;
  /** Figures a controller reports for IFO: far over the critical limit of % of budget. */
  const red = {
    budget_ack: '50 960',
    utfall_ack: '61 480,5',
    budget_helar: '51 000',
    prognos_helar: '62 300',
    kommentar: 'Två nya externa placeringar inom Barn och unga.',
  };
  const v = (field: keyof typeof red) => num(red[field].replace(/ /g, ''));
  /** A new post the bot made in General (not a reply in a thread). */
  const postInGeneral = (m: BotMessage) => m.conversationId === general;

  it('installing the app in the team posts a welcome in General', async () => {
    const since = pg.mark();
    await pg.sendCustomActivity('install', pg.teamId);
    await pg.sendCustomActivity('botAdded', pg.teamId);
    const welcome = await pg.waitForBotMessage(postInGeneral, 15_000, { since });
    assert.match(normalizeText(readableText(welcome)), /Budgetkollen/);
  });

  it('"@Budgetkollen prenumerera på larm för IFO" in General subscribes the channel and says so in the thread', async () => {
    const sent = await pg.say(general, 'prenumerera på larm för IFO', { mention: true });
    const reply = await pg.waitForReply(sent);
    const text = normalizeText(readableText(reply));
    assert.match(text, /Individ- och familjeomsorg|IFO/, text);
    assert.match(text, /prenumer|larm/i, text);
    assert.doesNotMatch(text, /kommer snart|förstår inte|känner inte igen/i, text);
    // The channel is told the limits it will be alerted at: IFO's own, from trosklar.csv.
    const e = new Expectations(text)
      .has('warning limit', `${threshold.varning_procent} %`)
      .has('critical limit', `${threshold.kritisk_procent} %`)
      .has('forecast warning limit', amount(num(threshold.varning_prognos_tkr)))
      .has('forecast critical limit', amount(num(threshold.kritisk_prognos_tkr)));
    assert.deepEqual(e.missing, [], e.message());
    const welcomes = pg.messages.filter((m) => postInGeneral(m) && readableText(m).includes('Hej!'));
    assert.equal(welcomes.length, 1, 'installationUpdate and the bot-added event together give one welcome');
  });

  let period: string;
  let form: BotMessage;
  let data: Record<string, unknown>;

  it('red figures for IFO submitted on the form card bring an alert card to General', async () => {
    const procent = Math.round((v('utfall_ack') / v('budget_ack')) * 1000) / 10;
    assert.ok(procent >= num(threshold.kritisk_procent), "the test figures cross IFO's critical limit");
    form = await pg.waitForReply(await pg.say(pg.personalChatId, 'rapportera siffror för IFO'));
    const skicka = cardAction(form, 'Skicka');
    period = String(cardInputs(form).period?.value);
    const since = pg.mark();
    // IFO has units below it: the first press asks before its own row replaces their sum (issue 14.3)
    const question = await pg.invoke(pg.personalChatId, form.messageId, skicka.verb, actionPayload(form, skicka, red), {
      title: skicka.title,
    });
    const asked = { attachments: [{ contentType: CARD, content: question.value }] };
    assert.match(normalizeText(readableText(asked)), /i stället för summan/);
    const confirm = cardAction(asked, 'Skicka ändå');
    data = actionPayload(asked, confirm);
    const receipt = await pg.invoke(pg.personalChatId, form.messageId, confirm.verb, data, { title: confirm.title });
    assert.equal(receipt?.type, CARD);
    assert.match(normalizeText(readableText({ attachments: [{ contentType: CARD, content: receipt.value }] })), /Sparat/);

    const alert = await pg.waitForBotMessage((m) => postInGeneral(m) && readableText(m).includes(unit('ifo').namn), 15_000, { since });
    assert.ok(adaptiveCardOf(alert), `the alert is a card: ${readableText(alert)}`);
    const e = new Expectations(normalizeText(readableText(alert)))
      .has('unit', unit('ifo').namn)
      .has('period', periodName(period))
      .has('outcome', amount(v('utfall_ack')))
      .has('budget', amount(v('budget_ack')))
      .has('deviation', amount(round1(v('budget_ack') - v('utfall_ack'))))
      .has('% of budget', percent(procent))
      .has('level', /kritisk/i)
      .has('the critical limit crossed', `kritisk från ${threshold.kritisk_procent} %`)
      .has('annual budget', amount(v('budget_helar')))
      .has('forecast', amount(v('prognos_helar')))
      .has('forecast deviation', amount(round1(v('budget_helar') - v('prognos_helar')), { signed: true }))
      .has("the controller's comment", red.kommentar);
    assert.deepEqual(e.missing, [], e.message());
    const elsewhere = pg.messages.filter(
      (m) => m.seq > since && m !== alert && (postInGeneral(m) || m.conversationId === pg.channelId('Budgetlarm')),
    );
    assert.deepEqual(
      elsewhere.map((m) => readableText(m).slice(0, 200)),
      [],
      'one alert, only where subscribed',
    );
  });

  it('the same figures again send nothing: the same card pressed twice, and a new form left unchanged', async () => {
    const since = pg.mark();
    const again = await pg.invoke(pg.personalChatId, form.messageId, 'spara_utfall', data, { title: 'Skicka' });
    assert.equal(again?.type, CARD);
    const fresh = await pg.waitForReply(await pg.say(pg.personalChatId, 'rapportera siffror för IFO'));
    const skicka = cardAction(fresh, 'Skicka');
    assert.equal(cardInputs(fresh).period?.value, period, 'the new form is for the same month');
    const same = await pg.invoke(pg.personalChatId, fresh.messageId, skicka.verb, actionPayload(fresh, skicka), { title: skicka.title });
    assert.equal(same?.type, CARD);
    await pg.expectNoBotMessage((m) => postInGeneral(m) || m.conversationId.startsWith(general), QUIET_MS, { since });
  });
});
