import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MinLength,
} from 'class-validator';
import type { SearchCombinator } from './log-search';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern's constructor
type Constructor = new (...args: any[]) => object;

/**
 * Komodo's log search fields (`terms`, `combinator`, `invert`) added to a request's own DTO: a
 * container's (`name`) or a compose project's (`project`, `services`). A mixin, since each of
 * those already extends its target's DTO; class-validator follows the prototype chain.
 */
export function WithLogSearch<Base extends Constructor>(base: Base) {
  class LogSearchDto extends base {
    @IsArray()
    @ArrayMinSize(1)
    @IsString({ each: true })
    @MinLength(1, { each: true })
    terms!: string[];

    @IsOptional()
    @IsIn(['And', 'Or'])
    combinator: SearchCombinator = 'Or';

    @IsOptional()
    @IsBoolean()
    invert?: boolean;
  }
  return LogSearchDto;
}
