import { useCallback, useEffect, useRef, useState } from 'react';

export interface RequestState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/**
 * Reads once per change of `deps`, keeping the last answer on screen while the next one comes,
 * so live refreshes do not flicker. An answer that arrives after a newer read started is dropped.
 */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[]): RequestState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: true,
  });
  const [nonce, setNonce] = useState(0);
  const sequence = useRef(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    const mine = ++sequence.current;
    setState((s) => ({ ...s, loading: true }));
    latestLoad.current().then(
      (data) => mine === sequence.current && setState({ data, loading: false }),
      (error: Error) =>
        mine === sequence.current && setState((s) => ({ ...s, error, loading: false })),
    );
  }, [...deps, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
