import { IsNotEmpty, IsString } from 'class-validator';

/** `CloneRepo`, `PullRepo`, `RefreshRepoCache { repo }`: the Repo's id or name. */
export class RepoParamDto {
  @IsString()
  @IsNotEmpty()
  repo!: string;
}
