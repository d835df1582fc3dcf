import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';

export const SCHEDULE_SORT_BY = ['Name', 'Schedule', 'NextRun', 'Enabled'] as const;
export type ScheduleSortBy = (typeof SCHEDULE_SORT_BY)[number];

/** Komodo's `ListSchedules`: the Procedures and Actions with a schedule the user may read. */
export class ListSchedulesDto {
  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @IsOptional()
  @IsIn(['All', 'Any'])
  tag_behavior?: 'All' | 'Any';

  @IsOptional()
  @IsString({ each: true })
  terms?: string[];

  @IsOptional()
  @IsInt()
  @Min(0)
  page?: number;

  /** 0 or absent: all of them. */
  @IsOptional()
  @IsInt()
  @Min(0)
  limit?: number;

  @IsOptional()
  @IsIn(SCHEDULE_SORT_BY)
  sort_by?: ScheduleSortBy;

  @IsOptional()
  @IsBoolean()
  sort_desc?: boolean;
}
