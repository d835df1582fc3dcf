import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsStackName } from '../compose/stack-paths';

/**
 * http(s) only, and no `user:pass@`: credentials go in `token`/`username`, which are kept out
 * of the remote stored in `.git/config`. ssh and file URLs would let a caller read the host.
 */
const HTTP_URL = /^https?:\/\/[^/@\s]+(\/[^\s]*)?$/;
/** A branch name that cannot be read as an option nor climb out of refs (`..`). */
const BRANCH = /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;

export class CloneOrPullRepoDto {
  @IsStackName()
  stack!: string;

  @IsString()
  @MaxLength(2048)
  @Matches(HTTP_URL, {
    message: 'url must be an http:// or https:// URL without credentials in it',
  })
  url!: string;

  @IsOptional()
  @IsString()
  @Matches(BRANCH, { message: 'branch must be a branch name' })
  branch?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-fA-F]{4,40}$/, { message: 'commit must be a commit hash (4-40 hex digits)' })
  commit?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  token?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[^:\s]{1,256}$/, { message: "username must have no ':' nor spaces" })
  username?: string;

  /** Komodo's `reclone`: remove the stack's folder and clone afresh instead of pulling. */
  @IsOptional()
  @IsBoolean()
  reclone?: boolean;
}
