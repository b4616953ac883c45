import type { Period } from '../domain/period.js';
import type { Transaktion } from '../store/store.js';

/**
 * Called inside the same store transaction as every change of figures (card submit, correction,
 * import), after the change is applied, so alerts land in the outbox atomically with their cause.
 */
export function planeraLarm(_tx: Transaktion, _andrade: Array<{ enhet: string; period: Period }>): void {
  // The alert issue fills this in.
}
