import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skapaFragor } from '../../bench/fragor.js';
import { ekosvar, kortsvarFor, läsKortsvar, skrivKortsvar } from '../../bench/kortsvar.js';
import { importeradLagring, skapaOrganisation } from '../../bench/organisation.js';
import { jamforStorlekar, turordning } from '../../bench/sammanstallning.js';
import { testbot } from '../support/testbot.js';

// The card echo is the floor the bot's HTTP latency is measured against: it must send what the bot sends, the same
// card bound the same way, without understanding the question or working out the answer.
describe('bänkens kortekot', () => {
  const klocka = () => new Date('2025-12-10T12:00:00Z');
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'bk-korteko-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('svarar på bänkens frågor med samma kort, byte för byte, som den riktiga boten skickar', async () => {
    const org = skapaOrganisation({ enheter: 40, manader: 24, atgarder: 40, sista: '2025-11', seed: 3 });
    const { store } = await importeradLagring(org, join(tmp, 'org'), klocka);
    const chefer = org.anvandare.filter((a) => a.roll === 'chef');
    const fragor = skapaFragor(org, 60, 11).map((q) => q.text);
    // worked out as the bench does, as the first chef, then through the file the echo process reads
    skrivKortsvar(join(tmp, 'kortsvar.json'), kortsvarFor(store, klocka, fragor, store.register.anvandare.get(chefer[0].id)));
    const karta = läsKortsvar(join(tmp, 'kortsvar.json'));
    const bot = await testbot({ store, klocka });
    let kort = 0;
    for (const [i, text] of fragor.entries()) {
      const chef = chefer[i % chefer.length];
      const [svar, ...mer] = await bot.fraga(text, { anvandare: chef.id, namn: chef.namn, konversation: `k-${i}` });
      assert.equal(mer.length, 0, text);
      const eko = ekosvar(karta, text);
      // byte for byte: the card the echo binds and sends is the bot's, so it is the same size
      assert.equal(JSON.stringify(eko.attachments), JSON.stringify(svar.attachments), text);
      assert.equal(eko.summary, svar.summary, text);
      assert.equal(eko.text, svar.text, text);
      if (svar.attachments?.length) kort++;
    }
    // the mix is mostly answered with cards: status, trend, actions, rankings
    assert.ok(kort >= 50, `${kort} kort av ${fragor.length}`);
    await store.vanta();
  });

  it('ekar texten för en fråga den inte har något svar till', () => {
    const eko = ekosvar(new Map(), 'något helt annat');
    assert.equal(eko.text, 'något helt annat');
    assert.equal(eko.attachments, undefined);
  });

  it('turas om att gå först och jämför svarens storlek parvis', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => turordning(['bot', 'eko', 'kort'], i)),
      [
        ['bot', 'eko', 'kort'],
        ['eko', 'kort', 'bot'],
        ['kort', 'bot', 'eko'],
        ['bot', 'eko', 'kort'],
      ],
    );
    assert.deepEqual(jamforStorlekar([1000, 2000, 3000], [1005, 2100, 3000]), { botMedel: 2000, kortMedel: 2035, lika: 2, antal: 3 });
  });
});
