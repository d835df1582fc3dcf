import { IsNotEmpty, IsObject, IsOptional, IsString } from 'class-validator';

/** `{ action }`: the Action's id or name. */
export class ActionParamDto {
  @IsString()
  @IsNotEmpty()
  action!: string;
}

/** `RunAction { action, args? }`: `args` merged over the config's `arguments` as `ARGS`. */
export class RunActionDto extends ActionParamDto {
  @IsOptional()
  @IsObject()
  args?: Record<string, unknown>;
}

/** `CancelAction`: the action's running run, or the run whose Update is `update_id`. */
export class CancelActionDto extends ActionParamDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  update_id?: string;
}
