import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';

/**
 * The browser's own history as the router: a handful of pages does not need a routing library.
 * `navigate` announces the change so every `usePath` re-renders.
 */
const NAVIGATED = 'monitor:navigated';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function usePath(): string {
  return useLocationPart(() => location.pathname);
}

/** The URL's query string (`?q=web&page=2`): the state a page keeps across back and reload. */
export function useLocationSearch(): string {
  return useLocationPart(() => location.search);
}

function useLocationPart(read: () => string): string {
  const [part, setPart] = useState(read);
  const latest = useRef(read);
  useEffect(() => {
    const update = () => setPart(latest.current());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return part;
}

export function Link(props: { to: string; className?: string; children: ReactNode }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window is the browser's business.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} className={props.className} onClick={follow}>
      {props.children}
    </a>
  );
}
