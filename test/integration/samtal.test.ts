import assert from 'node:assert/strict';
import { ActivityTypes } from 'botbuilder';
import { CHEF_IFO, type Testbot, testbot, synligText } from '../support/testbot.js';

describe('integration: samtal, följdfrågor och kortknappar', () => {
  let bot: Testbot;
  beforeEach(async () => {
    bot = await testbot();
  });

  it('en följdfråga gäller samma enhet i samma konversation, inte i en annan', async () => {
    const fran = { anvandare: CHEF_IFO, konversation: 'samtal-1' };
    await bot.svar('hur ligger socialnämnden mot budget?', fran);
    const { text } = await bot.svar('och i september?', fran);
    assert.match(text, /Socialnämnden t\.o\.m\. september 2025/);
    const { text: atgarder } = await bot.svar('visa åtgärderna', fran);
    assert.match(atgarder, /Minska övertid\/mertid/);
    const { text: annan } = await bot.svar('och i september?', { anvandare: CHEF_IFO, konversation: 'samtal-2' });
    assert.doesNotMatch(annan, /Socialnämnden t\.o\.m\. september/);
  });

  it('knappen "Visa trend" på statuskortet ger trenden för kortets enhet', async () => {
    const fran = { anvandare: CHEF_IFO, konversation: 'samtal-3' };
    const { aktiviteter } = await bot.svar('hur ligger IFO mot budget?', fran);
    const kort = aktiviteter[0].attachments![0].content as { actions: Array<{ title: string; data: Record<string, string> }> };
    const trend = kort.actions.find((a) => a.title === 'Visa trend')!;
    const svar = await bot.kanal.skicka({ type: ActivityTypes.Message, text: '', value: trend.data }, fran);
    const text = svar.map(synligText).join('\n');
    assert.match(text, /Individ- och familjeomsorg, januari 2025–november 2025/);
    assert.match(text, /\| november 2025 \| -9 870 \|/);
  });

  it('knappen "Bryt ned" och valknapparna för en okänd enhet leder vidare', async () => {
    const fran = { anvandare: CHEF_IFO, konversation: 'samtal-4' };
    const bryt = await bot.kanal.skicka(
      { type: ActivityTypes.Message, text: '', value: { verb: 'fraga', fraga: 'var kommer avvikelsen ifrån', enhet: 'sn' } },
      fran,
    );
    assert.match(
      bryt.map(synligText).join('\n'),
      /Underskottet kommer från \(andel av summan av underskotten \(17 795,6 tkr\)\):.*Individ- och familjeomsorg: -9 870 tkr \(55 % av underskotten\)/s,
    );
    const { aktiviteter } = await bot.svar('hur ligger hemtjänstgrupen', fran);
    const text = aktiviteter.map(synligText).join('\n');
    assert.match(text, /Hemtjänst t\.o\.m\. november 2025/);
  });

  it('en knapp utan fråga får ett tydligt svar och kraschar inget', async () => {
    const svar = await bot.kanal.skicka(
      { type: ActivityTypes.Message, text: '', value: { verb: 'fraga', fraga: 42 } },
      { anvandare: CHEF_IFO },
    );
    assert.match(svar.map(synligText).join('\n'), /Knappen saknade en fråga/);
  });

  it('en för lång fråga avvisas vänligt', async () => {
    const { text } = await bot.svar('x'.repeat(4000));
    assert.match(text, /Frågan är för lång \(4000 tecken\)/);
  });

  it('installation i en personlig chatt ger en välkomst en gång, med exempel som fungerar', async () => {
    const fran = { anvandare: CHEF_IFO, konversation: 'personlig-x' };
    const forsta = await bot.kanal.skicka({ type: ActivityTypes.InstallationUpdate, action: 'add' }, fran);
    const text = forsta.map(synligText).join('\n');
    assert.match(text, /Hej! Jag är Budgetkollen/);
    assert.match(text, /hur ligger SN mot budget\?/);
    assert.equal((await bot.kanal.skicka({ type: ActivityTypes.InstallationUpdate, action: 'add' }, fran)).length, 0);
    assert.ok(bot.store.dokument.konversationer.some((k) => k.id === 'personlig-x' && k.aktiv));
    const { text: exempel } = await bot.svar('hur ligger SN mot budget?', fran);
    assert.match(exempel, /Socialnämnden t\.o\.m\. november 2025/);
  });

  it('installation i ett team ger en välkomst i kanalen och kanalen blir en plats för larm', async () => {
    const svar = await bot.kanal.skicka(
      {
        type: ActivityTypes.InstallationUpdate,
        action: 'add',
        conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'General', tenantId: 'lokal' },
        channelData: {
          tenant: { id: 'lokal' },
          team: { id: '19:general@thread.tacv2', name: 'Ekonomi' },
          channel: { id: '19:general@thread.tacv2' },
        },
      },
      { anvandare: CHEF_IFO },
    );
    assert.match(svar.map(synligText).join('\n'), /Hej! Jag är Budgetkollen/);
    const k = bot.store.dokument.konversationer.find((x) => x.id === '19:general@thread.tacv2');
    assert.equal(k?.typ, 'channel');
    assert.equal(k?.aktiv, true);
    await bot.kanal.skicka(
      {
        type: ActivityTypes.InstallationUpdate,
        action: 'remove',
        conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'General', tenantId: 'lokal' },
      },
      { anvandare: CHEF_IFO },
    );
    assert.equal(bot.store.dokument.konversationer.find((x) => x.id === '19:general@thread.tacv2')?.aktiv, false);
  });
});
