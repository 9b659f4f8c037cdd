import type { LabFaults } from './labTypes';

export type FaultAction = { kind: 'none' } | { kind: 'drop' } | { kind: 'throttle' } | { kind: 'error' };

/**
 * Deterministic fault injection: a counter of authenticated requests decides. When several
 * faults hit the same request number, the order is drop, then 503, then 500. Changing the
 * faults resets the counter so tests can rely on "the Nth request from now".
 */
export class FaultInjector {
  private faults: LabFaults;
  private count = 0;

  constructor(faults: LabFaults = {}) {
    this.faults = { ...faults };
  }

  set(faults: LabFaults): void {
    this.faults = { ...faults };
    this.count = 0;
  }

  get current(): Readonly<LabFaults> {
    return this.faults;
  }

  latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  /** Call once per authenticated request. */
  next(): FaultAction {
    this.count++;
    const hits = (every: number | undefined): boolean => !!every && every > 0 && this.count % every === 0;
    if (hits(this.faults.dropConnectionEvery)) return { kind: 'drop' };
    if (hits(this.faults.throttle503Every)) return { kind: 'throttle' };
    if (hits(this.faults.error500Every)) return { kind: 'error' };
    return { kind: 'none' };
  }
}
