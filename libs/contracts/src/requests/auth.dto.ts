import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class UsernamePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  username!: string;

  @IsString()
  password!: string;
}

export class CreateApiKeyDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name!: string;

  /** Milliseconds since the epoch; 0 or absent = never. */
  @IsOptional()
  @IsInt()
  @Min(0)
  expires?: number;
}

export class DeleteApiKeyDto {
  @IsString()
  @IsNotEmpty()
  key!: string;
}

export class UpdatePasswordDto {
  @IsString()
  password!: string;
}
