import type { TagColor } from '@monitor/contracts';

/**
 * Komodo's tag colour names as CSS colours: Light, plain and Dark are a hue's 300, 500 and 700
 * shades (the palette Komodo's UI takes them from). Typed against the domain's names, so a
 * colour added there fails the web's typecheck until it is given here.
 */
export const TAG_COLORS = {
  LightSlate: '#cbd5e1',
  Slate: '#64748b',
  DarkSlate: '#334155',
  LightRed: '#fca5a5',
  Red: '#ef4444',
  DarkRed: '#b91c1c',
  LightOrange: '#fdba74',
  Orange: '#f97316',
  DarkOrange: '#c2410c',
  LightAmber: '#fcd34d',
  Amber: '#f59e0b',
  DarkAmber: '#b45309',
  LightYellow: '#fde047',
  Yellow: '#eab308',
  DarkYellow: '#a16207',
  LightLime: '#bef264',
  Lime: '#84cc16',
  DarkLime: '#4d7c0f',
  LightGreen: '#86efac',
  Green: '#22c55e',
  DarkGreen: '#15803d',
  LightEmerald: '#6ee7b7',
  Emerald: '#10b981',
  DarkEmerald: '#047857',
  LightTeal: '#5eead4',
  Teal: '#14b8a6',
  DarkTeal: '#0f766e',
  LightCyan: '#67e8f9',
  Cyan: '#06b6d4',
  DarkCyan: '#0e7490',
  LightSky: '#7dd3fc',
  Sky: '#0ea5e9',
  DarkSky: '#0369a1',
  LightBlue: '#93c5fd',
  Blue: '#3b82f6',
  DarkBlue: '#1d4ed8',
  LightIndigo: '#a5b4fc',
  Indigo: '#6366f1',
  DarkIndigo: '#4338ca',
  LightViolet: '#c4b5fd',
  Violet: '#8b5cf6',
  DarkViolet: '#6d28d9',
  LightPurple: '#d8b4fe',
  Purple: '#a855f7',
  DarkPurple: '#7e22ce',
  LightFuchsia: '#f0abfc',
  Fuchsia: '#d946ef',
  DarkFuchsia: '#a21caf',
  LightPink: '#f9a8d4',
  Pink: '#ec4899',
  DarkPink: '#be185d',
  LightRose: '#fda4af',
  Rose: '#f43f5e',
  DarkRose: '#be123c',
} satisfies Record<TagColor, string>;

export const TAG_COLOR_NAMES = Object.keys(TAG_COLORS) as TagColor[];

/** A tag's colour, or the default (Slate) for a name this UI does not know. */
export function tagColor(name: string | undefined): string {
  return TAG_COLORS[name as TagColor] ?? TAG_COLORS.Slate;
}
