import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal: Escape or the backdrop closes it, focus starts inside (for keyboards and readers). */
export function Dialog(props: { title: string; onClose(): void; children: ReactNode }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current?.contains(document.activeElement)) return;
    box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div ref={box} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
