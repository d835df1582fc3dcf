import { useEffect, useLayoutEffect, useRef } from 'react';

/** How close to the bottom (px) still counts as being there. */
const SLACK = 48;

function atBottom(): boolean {
  const root = document.documentElement;
  return window.innerHeight + window.scrollY >= root.scrollHeight - SLACK;
}

/**
 * Keeps the page scrolled to its bottom as `size` grows, while the user is there (as a terminal
 * does): a user who scrolled up to read stays where they are until they scroll back down. Only
 * once something was `live` on this view (up to its last growth, when it ends): a finished
 * Update opens at its top.
 */
export function useFollowBottom(size: number, live: boolean): void {
  // Where the user was before the page grew; read on scroll, not after the growth moved it.
  const wasAtBottom = useRef(true);
  const followed = useRef(false);
  useEffect(() => {
    const onScroll = () => {
      wasAtBottom.current = atBottom();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    if (live) followed.current = true;
    if (followed.current && wasAtBottom.current) {
      window.scrollTo({ top: document.documentElement.scrollHeight });
    }
  }, [size, live]);
}
