import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { checkName } from '../shared/names';

/** Komodo's TagColor names; the UI maps them to colours. */
export const TAG_COLORS = [
  'LightSlate',
  'Slate',
  'DarkSlate',
  'LightRed',
  'Red',
  'DarkRed',
  'LightOrange',
  'Orange',
  'DarkOrange',
  'LightAmber',
  'Amber',
  'DarkAmber',
  'LightYellow',
  'Yellow',
  'DarkYellow',
  'LightLime',
  'Lime',
  'DarkLime',
  'LightGreen',
  'Green',
  'DarkGreen',
  'LightEmerald',
  'Emerald',
  'DarkEmerald',
  'LightTeal',
  'Teal',
  'DarkTeal',
  'LightCyan',
  'Cyan',
  'DarkCyan',
  'LightSky',
  'Sky',
  'DarkSky',
  'LightBlue',
  'Blue',
  'DarkBlue',
  'LightIndigo',
  'Indigo',
  'DarkIndigo',
  'LightViolet',
  'Violet',
  'DarkViolet',
  'LightPurple',
  'Purple',
  'DarkPurple',
  'LightFuchsia',
  'Fuchsia',
  'DarkFuchsia',
  'LightPink',
  'Pink',
  'DarkPink',
  'LightRose',
  'Rose',
  'DarkRose',
] as const;
export type TagColor = (typeof TAG_COLORS)[number];

export const tagStream = (id: string) => `tag-${id}`;

export interface Tag {
  id: string;
  name: string;
  color: TagColor;
  owner: string;
}

export type TagState = { status: 'Empty' } | { status: 'Active' | 'Deleted'; tag: Tag };

export type TagEvent =
  | DomainEvent<'TagCreated', Tag>
  | DomainEvent<'TagRenamed', { from: string; to: string }>
  | DomainEvent<'TagColorUpdated', { from: TagColor; to: TagColor }>
  | DomainEvent<'TagDeleted', { name: string }>;

export type TagCommand =
  | { type: 'CreateTag'; id: string; name: string; color?: string; owner: string }
  | { type: 'RenameTag'; name: string }
  | { type: 'UpdateTagColor'; color: string }
  | { type: 'DeleteTag' };

export function evolveTag(state: TagState, event: TagEvent | DomainEvent): TagState {
  const e = event as TagEvent;
  if (e.type === 'TagCreated') return { status: 'Active', tag: { ...e.data } };
  if (state.status !== 'Active') return state;
  switch (e.type) {
    case 'TagRenamed':
      return { status: 'Active', tag: { ...state.tag, name: e.data.to } };
    case 'TagColorUpdated':
      return { status: 'Active', tag: { ...state.tag, color: e.data.to } };
    case 'TagDeleted':
      return { status: 'Deleted', tag: state.tag };
    default:
      return state;
  }
}

export function decideTag(state: TagState, command: TagCommand): TagEvent[] {
  if (command.type === 'CreateTag') {
    if (state.status !== 'Empty') throw conflict(`tag ${command.id} already exists`);
    const color = checkColor(command.color ?? 'Slate');
    const name = checkName(command.name);
    return [{ type: 'TagCreated', data: { id: command.id, name, color, owner: command.owner } }];
  }
  if (state.status !== 'Active') throw notFound('tag not found');
  const { tag } = state;
  switch (command.type) {
    case 'RenameTag': {
      const name = checkName(command.name);
      return name === tag.name ? [] : [{ type: 'TagRenamed', data: { from: tag.name, to: name } }];
    }
    case 'UpdateTagColor': {
      const color = checkColor(command.color);
      return color === tag.color
        ? []
        : [{ type: 'TagColorUpdated', data: { from: tag.color, to: color } }];
    }
    case 'DeleteTag':
      return [{ type: 'TagDeleted', data: { name: tag.name } }];
  }
}

function checkColor(color: string): TagColor {
  if (!(TAG_COLORS as readonly string[]).includes(color)) {
    throw invalid(`color: '${color}' is not a tag color (one of ${TAG_COLORS.join(', ')})`, {
      field: 'color',
    });
  }
  return color as TagColor;
}

export const tagDecider = {
  initialState: (): TagState => ({ status: 'Empty' }),
  evolve: evolveTag,
  decide: decideTag,
};
