import { useEffect, useState } from 'react';

/**
 * A number that grows every `everyMs` while the tab is visible: for figures read live from an
 * agent (a server's CPU, its containers, a followed log), which change all the time and are no
 * events. Without `everyMs` it stands still.
 */
export function useVisibleTick(everyMs: number | undefined): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (everyMs === undefined) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((t) => t + 1);
    }, everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return tick;
}
