import { sortSchedules, type ScheduleItem } from './schedule-list';

const item = (name: string, schedule: string, enabled: boolean, next?: number): ScheduleItem => ({
  target: { type: 'Procedure', id: name },
  name,
  schedule_format: 'English' as ScheduleItem['schedule_format'],
  schedule,
  enabled,
  schedule_timezone: '',
  next_scheduled_run: next,
  tags: [],
});

const items = [
  item('b', 'every day', true, 2_000),
  item('a', 'every hour', false),
  item('c', 'every day', true, 1_000),
  item('d', 'every minute', true, 1_000),
];
const names = (sorted: ScheduleItem[]) => sorted.map((s) => s.name);

describe('sortSchedules (Komodo ScheduleSortBy)', () => {
  it.each([
    ['Name', false, ['a', 'b', 'c', 'd']],
    ['Schedule', false, ['b', 'c', 'a', 'd']],
    ['NextRun', false, ['c', 'd', 'b', 'a']],
    ['NextRun', true, ['a', 'b', 'd', 'c']],
    ['Enabled', false, ['a', 'b', 'c', 'd']],
    ['Enabled', true, ['d', 'c', 'b', 'a']],
  ] as const)('%s (descending: %s)', (sortBy, desc, expected) => {
    expect(names(sortSchedules(items, sortBy, desc))).toEqual(expected);
  });
});
