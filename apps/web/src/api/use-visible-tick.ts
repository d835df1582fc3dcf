import { useEffect, useState } from 'react';

/**
 * A number that grows every `everyMs` while the tab is visible: for figures read live from an
 * agent (a server's CPU, its containers), which change all the time and are no events.
 */
export function useVisibleTick(everyMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1);
    }, everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return tick;
}
