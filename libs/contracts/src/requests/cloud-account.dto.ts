import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CLOUD_PROVIDERS, type CloudProvider } from '@monitor/domain';

/**
 * A cloud account's credentials by field (CLOUD_CREDENTIAL_FIELDS): Aws `access_key_id` and
 * `secret_access_key`, Hetzner `token`. Their shapes are checked by the domain, which never
 * repeats a value; here only that each is text.
 */
export class CloudCredentialsDto {
  @IsOptional()
  @IsString()
  @MaxLength(256)
  access_key_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  secret_access_key?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  token?: string;
}

/** Monitor's: the id or the name of a cloud account. */
export class CloudAccountIdDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

export class ListCloudAccountsDto {
  @IsOptional()
  @IsIn(CLOUD_PROVIDERS)
  provider?: CloudProvider;
}

export class CreateCloudAccountDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name!: string;

  @IsIn(CLOUD_PROVIDERS)
  provider!: CloudProvider;

  @ValidateNested()
  @Type(() => CloudCredentialsDto)
  @IsObject()
  credentials!: CloudCredentialsDto;
}

/** A blank or absent credential keeps the stored one. */
export class UpdateCloudAccountDto extends CloudAccountIdDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CloudCredentialsDto)
  @IsObject()
  credentials?: CloudCredentialsDto;
}
