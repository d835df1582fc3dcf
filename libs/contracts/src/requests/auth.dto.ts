import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';

/** `/auth/login/SignUpLocalUser` and `LoginLocalUser`. */
export class UsernamePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  username!: string;

  @IsString()
  password!: string;
}

/** `/auth/manage/CreateApiKey`: a key for the signed-in user. */
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

/** `/auth/manage/DeleteApiKey`: one of the signed-in user's keys. */
export class DeleteApiKeyDto {
  @IsString()
  @IsNotEmpty()
  key!: string;
}

/** `/auth/manage/UpdatePassword`: the signed-in user's new password. */
export class UpdatePasswordDto {
  @IsString()
  password!: string;
}

/**
 * `/auth/manage/Logout` (Monitor's own; Komodo's clients log out by forgetting the token): the
 * login token of this request stops working, or with `all` every login token of the user.
 */
export class LogoutDto {
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}
