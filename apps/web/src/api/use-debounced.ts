import { useEffect, useState } from 'react';
import { debounce } from './rate-limit';

/** Typing pauses this long before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * `value` once it has stopped changing for `ms`: what a search box sends to the gateway. Each
 * change cancels the wait of the one before.
 */
export function useDebounced<T>(value: T, ms = SEARCH_DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const limited = debounce(() => setSettled(value), ms);
    limited.call();
    return limited.cancel;
  }, [value, ms]);
  return settled;
}
