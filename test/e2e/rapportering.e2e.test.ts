// End to end, issue 4: a controller reports a month's figures on the form card in the Agents
// Playground's personal chat. The form comes from a typed request; "Skicka" is an Action.Execute
// (verb spara_utfall) sent through the Playground's invoke API, whose response body is the card that
// replaces the form (the receipt). The next status question answers with the reported figures.
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
import { Expectations, amount, num, percent, periodName, round1, unit } from './demodata.js';

const NOW = '2025-12-10';
/** Alex Wilber, the Playground's current user, is controller for Socialnämnden (data/demo/anvandare.csv). */
const CONTROLLER = 'Alex Wilber';
const CARD = 'application/vnd.microsoft.card.adaptive';

describe('e2e: reporting figures on a card through the Agents Playground (issue 4)', function () {
  const pg = demoPlayground(NOW);
  let chat: string;

  before(() => {
    chat = pg.personalChatId;
    assert.equal(pg.currentUser.name, CONTROLLER);
  });

  let form: BotMessage;
  let period: string;
  const reported = {
    budget_ack: '50 960',
    utfall_ack: '61 480,5',
    budget_helar: '51 000',
    prognos_helar: '62 300',
    kommentar: 'Två nya externa placeringar inom Barn och unga.',
  };
  const value = (field: keyof typeof reported) => num(reported[field].replace(/ /g, ''));

  it('"rapportera siffror för IFO" gives the controller a form card for IFO', async () => {
    form = await pg.waitForReply(await pg.say(chat, 'rapportera siffror för IFO'));
    assert.ok(adaptiveCardOf(form), `expected a form card, got: ${readableText(form)}`);
    const inputs = cardInputs(form);
    assert.equal(inputs.enhet?.value, 'ifo');
    period = String(inputs.period?.value ?? '');
    assert.match(period, /^\d{4}-\d{2}$/);
    for (const field of Object.keys(reported)) assert.ok(field in inputs, `the form has an input "${field}"`);
    const seen = normalizeText(readableText(form));
    assert.ok(seen.includes(`${unit('ifo').namn}, ${periodName(period)}`), `form names unit and month:\n${seen}`);
    const skicka = cardAction(form, 'Skicka');
    assert.equal(skicka.type, 'Action.Execute');
    assert.equal(skicka.verb, 'spara_utfall');
  });

  it('"Skicka" with changed figures stores them and the invoke answers with the receipt card that replaces the form', async () => {
    const skicka = cardAction(form, 'Skicka');
    const data = actionPayload(form, skicka, reported);
    const since = pg.mark();
    // IFO has units below it: the first press says its own row will replace their sum and saves nothing (issue 14.3)
    const question = await pg.invoke(chat, form.messageId, skicka.verb, data, { title: skicka.title });
    assert.equal(question?.type, CARD, `invoke response: ${JSON.stringify(question).slice(0, 500)}`);
    const asked = { attachments: [{ contentType: CARD, content: question.value }] };
    assert.match(normalizeText(readableText(asked)), /har \d+ enheter under sig\. Sparar du blir de här siffrorna .* i stället för summan/);
    const confirm = cardAction(asked, 'Skicka ändå');
    const response = await pg.invoke(chat, form.messageId, confirm.verb, actionPayload(asked, confirm), { title: confirm.title });
    assert.equal(response?.type, CARD, `invoke response: ${JSON.stringify(response).slice(0, 500)}`);
    const receipt = normalizeText(readableText({ attachments: [{ contentType: CARD, content: response.value }] }));
    const deviation = round1(value('budget_ack') - value('utfall_ack'));
    const e = new Expectations(receipt)
      .has('saved, unit and period', `Sparat: ${unit('ifo').namn} t.o.m. ${periodName(period)}`)
      .has('by whom', CONTROLLER)
      .has('budget to date', amount(value('budget_ack')))
      .has('outcome to date', amount(value('utfall_ack')))
      .has('deviation', amount(deviation, { signed: true }))
      .has('% of budget', percent(Math.round((value('utfall_ack') / value('budget_ack')) * 1000) / 10))
      .has('annual budget', amount(value('budget_helar')))
      .has('forecast', amount(value('prognos_helar')))
      .has('comment', reported.kommentar);
    assert.deepEqual(e.missing, [], e.message());
    assert.ok(!receipt.includes('Rapportera siffror:'), 'the form is gone: the receipt replaces it');
    // The receipt replaces the form in place: no new message in the chat.
    await pg.expectNoBotMessage((m) => m.conversationId === chat, 1000, { since });
  });

  it('"hur ligger IFO mot budget?" then answers with the reported figures', async () => {
    const reply = await pg.waitForReply(await pg.say(chat, 'hur ligger IFO mot budget?'));
    const e = new Expectations(normalizeText(readableText(reply)))
      .has('unit and reported period', `${unit('ifo').namn} t.o.m. ${periodName(period)}`)
      .has('budget to date', amount(value('budget_ack')))
      .has('outcome to date', amount(value('utfall_ack')))
      .has('deviation', amount(round1(value('budget_ack') - value('utfall_ack')), { signed: true }))
      .has('forecast', amount(value('prognos_helar')))
      .has('comment', reported.kommentar);
    assert.deepEqual(e.missing, [], e.message());
  });
});
