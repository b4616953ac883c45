import * as ACData from 'adaptivecards-templating';
import aterstallt from './mallar/aterstallt.json' with { type: 'json' };
import atgard from './mallar/atgard.json' with { type: 'json' };
import atgardsformular from './mallar/atgardsformular.json' with { type: 'json' };
import fakta from './mallar/fakta.json' with { type: 'json' };
import filimport from './mallar/filimport.json' with { type: 'json' };
import historik from './mallar/historik.json' with { type: 'json' };
import hjalp from './mallar/hjalp.json' with { type: 'json' };
import jamforelse from './mallar/jamforelse.json' with { type: 'json' };
import konflikt from './mallar/konflikt.json' with { type: 'json' };
import kvitto from './mallar/kvitto.json' with { type: 'json' };
import larm from './mallar/larm.json' with { type: 'json' };
import manadsrapport from './mallar/manadsrapport.json' with { type: 'json' };
import meddelande from './mallar/meddelande.json' with { type: 'json' };
import rapportera from './mallar/rapportera.json' with { type: 'json' };
import rapporteringslage from './mallar/rapporteringslage.json' with { type: 'json' };
import status from './mallar/status.json' with { type: 'json' };
import tabell from './mallar/tabell.json' with { type: 'json' };
import trend from './mallar/trend.json' with { type: 'json' };
import val from './mallar/val.json' with { type: 'json' };
import type { Kortvy, Mallnamn } from './vyer.js';

/** The templates, imported as modules so that they travel with the code (also into dist/). */
const MALLAR: Record<Mallnamn, object> = {
  aterstallt,
  atgard,
  atgardsformular,
  fakta,
  filimport,
  historik,
  hjalp,
  jamforelse,
  konflikt,
  kvitto,
  larm,
  manadsrapport,
  meddelande,
  rapportera,
  rapporteringslage,
  status,
  tabell,
  trend,
  val,
};

export type Kort = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Each template read by adaptivecards-templating once, on first use. */
const tolkade = new Map<Mallnamn, ACData.Template>();

/** Binds a card view model to its template with adaptivecards-templating. */
export function bindKort(vy: Kortvy): Kort {
  let mall = tolkade.get(vy.mall);
  if (!mall) {
    mall = new ACData.Template(MALLAR[vy.mall]);
    tolkade.set(vy.mall, mall);
  }
  return mall.expand({ $root: vy.data }) as Kort;
}
