import { IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** `RunProcedure { procedure }`: the Procedure's id or name. */
export class ProcedureParamDto {
  @IsString()
  @IsNotEmpty()
  procedure!: string;
}

/** `CancelProcedure`: the procedure's running run, or the run whose Update is `update_id`. */
export class CancelProcedureDto extends ProcedureParamDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  update_id?: string;
}
