import { Type } from 'class-transformer';
import { UserTargetDto } from './identity.dto';
import { ResourceTargetDto } from './resource-target.dto';
import {
  IsBoolean,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class VariableNameDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name!: string;
}

/** Monitor's: whether a user or group may use a secret variable in the configs they write. */
export class UpdateVariablePermissionDto extends VariableNameDto {
  @ValidateNested()
  @Type(() => UserTargetDto)
  @IsObject()
  user_target!: UserTargetDto;

  @IsBoolean()
  use!: boolean;
}

export class CreateVariableDto extends VariableNameDto {
  @IsOptional()
  @IsString()
  value?: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  @IsBoolean()
  is_secret?: boolean;
}

export class UpdateVariableValueDto extends VariableNameDto {
  @IsString()
  value!: string;
}

export class UpdateVariableDescriptionDto extends VariableNameDto {
  @IsString()
  description!: string;
}

export class UpdateVariableIsSecretDto extends VariableNameDto {
  @IsBoolean()
  is_secret!: boolean;
}

/** Komodo's GitProviderAccount / ImageRegistryAccount, every field optional (partial). */
export class AccountDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  domain?: string;

  @IsOptional()
  @IsString()
  username?: string;

  @IsOptional()
  @IsString()
  token?: string;

  @IsOptional()
  @IsBoolean()
  https?: boolean;
}

export class CreateAccountDto {
  @ValidateNested()
  @Type(() => AccountDto)
  @IsObject()
  account!: AccountDto;
}

export class UpdateAccountDto extends CreateAccountDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

export class AccountIdDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

export class ListAccountsDto {
  @IsOptional()
  @IsString()
  domain?: string;

  @IsOptional()
  @IsString()
  username?: string;
}

/**
 * `ListGitProvidersFromConfig { target? }`: Komodo narrows the list to what the target's server
 * can use; here every account is usable from every server, so the target changes nothing.
 */
export class ListProvidersDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceTargetDto)
  @IsObject()
  target?: ResourceTargetDto;
}
