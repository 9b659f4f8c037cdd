import type { LabFaults } from '../core/lab/labSite';

const COUNTERS = ['latencyMs', 'error500Every', 'throttle503Every', 'dropConnectionEvery'] as const;

/** The valid part of a `sccm.lab.faults` value: non-negative whole numbers and a method name. */
export function labFaultsFrom(raw: unknown): LabFaults {
  const faults: LabFaults = {};
  if (!raw || typeof raw !== 'object') return faults;
  const value = raw as Record<string, unknown>;
  for (const key of COUNTERS) {
    const n = value[key];
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) faults[key] = n;
  }
  if (typeof value.failMethod === 'string' && /^[A-Za-z]\w{0,63}$/.test(value.failMethod)) faults.failMethod = value.failMethod;
  return faults;
}
