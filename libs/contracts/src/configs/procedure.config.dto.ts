import { SCHEDULE_FORMATS } from '../../../domain/src/resources/configs';
import { KomodoAliases } from './hints';
import { Bool, Nested, NestedList, Obj, OneOf, Str } from './rules';

/** Params differ per execution type; the procedures service checks them. */
export class ExecutionDto {
  @Str({ required: true }) type!: string;
  @Obj() params?: Record<string, unknown>;
}

export class EnabledExecutionDto {
  @Nested(() => ExecutionDto, { required: true }) execution!: ExecutionDto;
  @Bool() enabled?: boolean;
}

@KomodoAliases({ execution: 'executions' })
export class ProcedureStageDto {
  @Str({ required: true }) name!: string;
  @Bool() enabled?: boolean;
  @NestedList(() => EnabledExecutionDto) executions?: EnabledExecutionDto[];
}

/** What Procedures and Actions share: how they run on a schedule or a webhook. */
export class ScheduledRunDto {
  @OneOf(SCHEDULE_FORMATS) schedule_format?: string;
  @Str() schedule?: string;
  @Bool() schedule_enabled?: boolean;
  @Str() schedule_timezone?: string;
  @Bool() schedule_alert?: boolean;
  @Bool() failure_alert?: boolean;
  @Bool() webhook_enabled?: boolean;
  @Str() webhook_secret?: string;
}

@KomodoAliases({ stage: 'stages' })
export class ProcedureConfigDto extends ScheduledRunDto {
  @NestedList(() => ProcedureStageDto) stages?: ProcedureStageDto[];
}
