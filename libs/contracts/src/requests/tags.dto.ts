import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NAME_LENGTH } from '@monitor/domain';

export class CreateTagDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;

  @IsOptional()
  @IsString()
  color?: string;
}

export class RenameTagDto {
  @IsString()
  @IsNotEmpty()
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;
}

export class DeleteTagDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

export class UpdateTagColorDto {
  @IsString()
  @IsNotEmpty()
  tag!: string;

  @IsString()
  @IsNotEmpty()
  color!: string;
}

export class GetTagDto {
  @IsString()
  @IsNotEmpty()
  tag!: string;
}
