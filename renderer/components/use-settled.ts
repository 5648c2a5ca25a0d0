import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms` (a slider at rest), else the last value that did: work too
 * heavy for every step of a drag compares the two and waits. Null moves at once.
 */
export function useSettled<T>(value: T | null, ms: number): T | null {
  const [settled, setSettled] = useState<T | null>(value);
  useEffect(() => {
    if (value === null) return undefined;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return value === null ? null : settled;
}
