import assert from 'node:assert/strict';
import { type Testbot, testbot } from '../support/testbot.js';
import { sv, vantadeSiffror } from '../support/demo.js';

describe('integration: statusfrågan genom teams-ai Application', () => {
  let bot: Testbot;
  before(async () => {
    bot = await testbot();
  });

  const enheter: Array<[string, string, string]> = [
    ['hur ligger IFO mot budget?', 'ifo', 'Individ- och familjeomsorg'],
    ['hur går det för aldreomsorgen i år', 'ao', 'Äldreomsorg'],
    ['hur ligger hela socialnämnden?', 'sn', 'Socialnämnden'],
    ['hemtjänsten mot budget', 'hemtjanst', 'Hemtjänst'],
    ['status för säbo', 'sabo', 'Särskilt boende'],
    ['hur ligger servicenämnden', 'sen', 'Servicenämnden'],
    ['bildningsnämnden mot budget', 'bn', 'Bildningsnämnden'],
    ['hur ligger myndighetsnämnden', 'mn', 'Myndighetsnämnden'],
    ['försörjningsstödet, hur ligger det?', 'ekbistand', 'Ekonomiskt bistånd'],
  ];
  for (const [fraga, id, namn] of enheter) {
    it(`"${fraga}" ger ${namn}s exakta siffror t.o.m. november 2025`, async () => {
      const { text } = await bot.svar(fraga);
      const v = vantadeSiffror(id, '2025-11');
      const avvikelse = Math.round((v.budget - v.utfall) * 10) / 10;
      assert.match(text, new RegExp(`${namn} t\\.o\\.m\\. november 2025`));
      assert.ok(text.includes(`Utfall ${sv(v.utfall)} tkr mot budget ${sv(v.budget)} tkr`), text);
      assert.ok(text.includes(`${avvikelse < 0 ? 'underskott' : 'överskott'} ${sv(Math.abs(avvikelse))} tkr`), text);
      assert.ok(
        text.includes(
          `(${sv(Math.round((v.utfall / v.budget) * 1000) / 10)}${Number.isInteger(Math.round((v.utfall / v.budget) * 1000) / 10) ? ',0' : ''} % av budget)`,
        ),
        text,
      );
      assert.ok(text.includes(`Helårsprognos ${sv(v.prognosHelar)} tkr mot årsbudget ${sv(v.budgetHelar)} tkr`), text);
    });
  }

  it('socialnämnden: seed 003:s siffror, förändringen sedan oktober och de största avvikelserna', async () => {
    const { text } = await bot.svar('hur ligger socialnämnden mot budget?');
    assert.ok(text.includes('Utfall 277 253,6 tkr mot budget 259 458 tkr: underskott 17 795,6 tkr (106,9 % av budget)'), text);
    const okt = vantadeSiffror('sn', '2025-10');
    const forandring = Math.round((okt.budget - okt.utfall - (259458 - 277253.6)) * 10) / 10;
    assert.ok(text.includes(`Sedan oktober har underskottet ökat med ${sv(forandring)} tkr.`), text);
    assert.match(text, /Störst underskott: Individ- och familjeomsorg -9 870 tkr.*Vård och stöd -7 925,6 tkr/);
  });

  it('svaret är ett kort med siffrorna och knappar för nästa steg', async () => {
    const { aktiviteter } = await bot.svar('hur ligger IFO mot budget?');
    const kort = aktiviteter[0].attachments?.[0];
    assert.equal(kort?.contentType, 'application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(kort?.content);
    for (const knapp of ['Visa trend', 'Bryt ned', 'Visa åtgärder', 'Rapportera siffror']) assert.ok(json.includes(knapp), knapp);
    assert.ok(json.includes('46\u00a0695\u00a0tkr'));
  });

  it('ett ja/nej-svar först när frågan är en ja/nej-fråga', async () => {
    const { text } = await bot.svar('ligger hemtjänsten över budget?');
    assert.match(text, /^Ja, Hemtjänst ligger över budget t\.o\.m\. november 2025\./);
    const { text: korttid } = await bot.svar('ligger korttidsboendet över budget?');
    assert.match(korttid, /^Nej, Korttidsboende ligger under budget/);
  });

  it('okänd enhet: säger det och föreslår närmaste namn', async () => {
    const { text } = await bot.svar('hur ligger hemtjänstgrupp söder mot budget');
    assert.match(text, /Hemtjänst/);
    const { text: okand } = await bot.svar('hur ligger simhallen mot budget?');
    assert.match(okand, /simhallen finns inte i uppföljningen/i);
    assert.doesNotMatch(okand, /tkr/);
  });
});
