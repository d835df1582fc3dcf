import { Type } from 'class-transformer';
import { UsernamePasswordDto } from './auth.dto';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { ResourceTargetDto } from './resource-target.dto';

export class UserIdDto {
  @IsString()
  @IsNotEmpty()
  user_id!: string;
}

export class UpdateUserAdminDto extends UserIdDto {
  @IsBoolean()
  admin!: boolean;
}

export class UpdateUserBasePermissionsDto extends UserIdDto {
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @IsOptional()
  @IsBoolean()
  create_servers?: boolean;

  @IsOptional()
  @IsBoolean()
  create_builds?: boolean;
}

export class FindUserDto {
  @IsString()
  @IsNotEmpty()
  user!: string;
}

export class ListUsersDto {
  @IsOptional()
  @IsString()
  service_users?: string;
}

export class UserGroupNameDto {
  @IsString()
  @IsNotEmpty()
  name!: string;
}

export class RenameUserGroupDto extends UserGroupNameDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

export class UserGroupIdDto {
  @IsString()
  @IsNotEmpty()
  id!: string;
}

export class GetUserGroupDto {
  @IsString()
  @IsNotEmpty()
  user_group!: string;
}

export class UserGroupMemberDto extends GetUserGroupDto {
  @IsString()
  @IsNotEmpty()
  user!: string;
}

export class SetUsersInUserGroupDto extends GetUserGroupDto {
  @IsArray()
  @IsString({ each: true })
  users!: string[];
}

export class SetEveryoneUserGroupDto extends GetUserGroupDto {
  @IsBoolean()
  everyone!: boolean;
}

/** Komodo's UserTarget: a user or a user group, by id or name. */
export class UserTargetDto {
  @IsIn(['User', 'UserGroup'])
  type!: 'User' | 'UserGroup';

  @IsString()
  @IsNotEmpty()
  id!: string;
}

/** A level, or Komodo's `{ level, specific }` (specific permissions are not modelled yet). */
export type PermissionParam = string | { level: string; specific?: string[] };

export class UpdatePermissionOnTargetDto {
  @ValidateNested()
  @Type(() => UserTargetDto)
  @IsObject()
  user_target!: UserTargetDto;

  @ValidateNested()
  @Type(() => ResourceTargetDto)
  @IsObject()
  resource_target!: ResourceTargetDto;

  @IsNotEmpty()
  permission!: PermissionParam;
}

export class UpdatePermissionOnResourceTypeDto {
  @ValidateNested()
  @Type(() => UserTargetDto)
  @IsObject()
  user_target!: UserTargetDto;

  @IsString()
  resource_type!: string;

  @IsNotEmpty()
  permission!: PermissionParam;
}

export class ListUserTargetPermissionsDto {
  @ValidateNested()
  @Type(() => UserTargetDto)
  @IsObject()
  user_target!: UserTargetDto;
}

export class GetPermissionDto {
  @ValidateNested()
  @Type(() => ResourceTargetDto)
  @IsObject()
  target!: ResourceTargetDto;
}

/** Monitor's: every user's and group's own grant on one resource (admins). */
export class ListTargetPermissionsDto extends GetPermissionDto {}

/** `CreateLocalUser { username, password }`: an admin adds a user (sign-ups may be closed). */
export class CreateLocalUserDto extends UsernamePasswordDto {}

/** `DeleteUser { user }`: the user's id or name. */
export class DeleteUserDto extends FindUserDto {}
