import { Type } from 'class-transformer';
import { IsOptional, IsString, MinLength, ValidateNested } from 'class-validator';
import { OwnerDto } from './container-owner';
import { IsImageReference } from './engine-validators';

/** The account to pull with; the token is a secret and is never written anywhere. */
export class RegistryAuthDto {
  /** The registry the account belongs to (`ghcr.io`, `registry.example.com:5000`). */
  @IsString()
  @MinLength(1)
  domain!: string;

  @IsString()
  @MinLength(1)
  username!: string;

  @IsString()
  @MinLength(1)
  token!: string;
}

export class PullImageDto {
  @IsString()
  @IsImageReference()
  image!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => RegistryAuthDto)
  registry?: RegistryAuthDto;
}

/**
 * Whether the container `container` runs what `image` (default: the reference it was created
 * from) names at its registry now.
 */
export class CheckImageUpdateDto {
  @IsString()
  @MinLength(1)
  container!: string;

  /** The resource whose container it is: another's is not read. */
  @IsOptional()
  @ValidateNested()
  @Type(() => OwnerDto)
  owner?: OwnerDto;

  @IsOptional()
  @IsString()
  @IsImageReference()
  image?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => RegistryAuthDto)
  registry?: RegistryAuthDto;
}
