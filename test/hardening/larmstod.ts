// Test support: the outbox with alerts waiting, planned the product's way.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { skapaLogg } from '../../src/logg.js';
import type { Fillagring } from '../../src/store/store.js';
import { skapaApp } from '../../src/teams/app.js';
import { LokalKanal } from '../../src/teams/lokalt.js';
import { ADMIN, CONTROLLER_SN } from '../support/app.js';
import { DEMO_NU, demoStore } from '../support/demo.js';

const klocka = () => new Date(DEMO_NU);

/** A store whose outbox holds alerts for a channel, planned the product's way: a subscription, then red figures. */
export async function storeMedVantandeLarm(connectorUrl: string): Promise<Fillagring> {
  const store = await demoStore(klocka);
  const kanal = new LokalKanal(skapaApp({ store, logg: skapaLogg('error', {}, () => undefined), klocka }));
  const kanalId = '19:larm@thread.tacv2';
  await kanal.skicka(
    {
      type: 'message',
      text: 'prenumerera på larm för Barn och unga',
      serviceUrl: connectorUrl,
      conversation: { id: kanalId, conversationType: 'channel', isGroup: true, name: 'Ekonomi', tenantId: 'lokal' },
      channelData: { tenant: { id: 'lokal' }, team: { id: '19:team@thread.tacv2' }, channel: { id: kanalId } },
    },
    { anvandare: ADMIN },
  );
  const r = await kanal.invoke(
    'spara_utfall',
    {
      kortId: randomUUID(),
      grundversion: 0,
      grundenhet: 'bou',
      grundperiod: '2025-12',
      enhet: 'bou',
      period: '2025-12',
      budget_ack: '24 000',
      utfall_ack: '31 000',
      budget_helar: '26 000',
      prognos_helar: '33 000',
      kommentar: 'Placeringar',
    },
    { anvandare: CONTROLLER_SN },
  );
  assert.equal(r.status, 200);
  await store.vanta();
  assert.ok(
    store.dokument.utskick.some((u) => u.status === 'väntar'),
    'inget larm väntar',
  );
  await store.komprimera();
  return store;
}
