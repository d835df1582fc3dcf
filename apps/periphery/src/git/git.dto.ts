import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { GitBranch, GitCommit } from '@monitor/contracts';
import { IsStackName } from '../compose/stack-paths';

/**
 * http(s) only, and no `user:pass@`: credentials go in `token`/`username`, which are kept out
 * of the remote stored in `.git/config`. ssh and file URLs would let a caller read the host.
 */
const HTTP_URL = /^https?:\/\/[^/@\s]+(\/[^\s]*)?$/;

export class CloneOrPullRepoDto {
  @IsStackName()
  stack!: string;

  @IsString()
  @MaxLength(2048)
  @Matches(HTTP_URL, {
    message: 'url must be an http:// or https:// URL without credentials in it',
  })
  url!: string;

  @GitBranch()
  branch?: string;

  @GitCommit()
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
