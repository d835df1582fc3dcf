import { ARGUMENTS_FORMATS } from '../../../domain/src/resources/configs';
import { ScheduledRunDto } from './procedure.config.dto';
import { Bool, OneOf, Str } from './rules';

/** Komodo's ActionConfig; `reload_deno_deps` is accepted and ignored (Actions run on Node). */
export class ActionConfigDto extends ScheduledRunDto {
  @Str() file_contents?: string;
  @OneOf(ARGUMENTS_FORMATS) arguments_format?: string;
  @Str() arguments?: string;
  @Bool() run_at_startup?: boolean;
  @Bool() reload_deno_deps?: boolean;
}
