import { ARGUMENTS_FORMATS, SCHEDULE_FORMATS } from '../../../domain/src/resources/configs';
import { Bool, OneOf, Str } from './rules';

/** Komodo's ActionConfig; `reload_deno_deps` is accepted and ignored (Actions run on Node). */
export class ActionConfigDto {
  @Str() file_contents?: string;
  @OneOf(ARGUMENTS_FORMATS) arguments_format?: string;
  @Str() arguments?: string;
  @Bool() run_at_startup?: boolean;
  @OneOf(SCHEDULE_FORMATS) schedule_format?: string;
  @Str() schedule?: string;
  @Bool() schedule_enabled?: boolean;
  @Str() schedule_timezone?: string;
  @Bool() schedule_alert?: boolean;
  @Bool() failure_alert?: boolean;
  @Bool() webhook_enabled?: boolean;
  @Str() webhook_secret?: string;
  @Bool() reload_deno_deps?: boolean;
}
