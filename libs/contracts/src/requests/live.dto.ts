import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';

/** The stream categories polling writes: a server's, deployment's or stack's state; alerts. */
export const OBSERVED_STREAMS = [
  'serverstatus',
  'deploymentstatus',
  'stackstatus',
  'alert',
] as const;
export type ObservedStream = (typeof OBSERVED_STREAMS)[number];

export class ObserveParamsDto {
  /** What to hear of from now on; empty to stop. Replaces what was asked before. */
  @IsArray()
  @ArrayMaxSize(OBSERVED_STREAMS.length)
  @IsIn(OBSERVED_STREAMS, { each: true })
  streams!: ObservedStream[];
}

/**
 * `/ws/update`, after the login: `{ type: "Observe", params: { streams } }` asks for the observed
 * changes of those categories on the same socket, answered `{ type: "Observing", streams }` and
 * then `{ type: "Observed", event }` for each (an extension: Komodo's clients never send it).
 */
export class ObserveMessageDto {
  @IsIn(['Observe'])
  type!: 'Observe';

  @ValidateNested()
  @Type(() => ObserveParamsDto)
  params!: ObserveParamsDto;
}
