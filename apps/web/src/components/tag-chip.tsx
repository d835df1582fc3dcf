import { tagColor } from '../tag-colors';

/** A tag by its name, with its colour as a dot before it. */
export function TagChip({ name, color }: { name: string; color?: string }) {
  return (
    <span className="tag" data-tag-color={color ?? 'Slate'}>
      <span className="tag-dot" style={{ background: tagColor(color) }} aria-hidden="true" />
      {name}
    </span>
  );
}
