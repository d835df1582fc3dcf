import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_NAME_LENGTH } from '@monitor/domain';

/** Komodo 1.x's `LaunchServer { name, server_template }`: the new Server's name, as a create takes it. */
export class LaunchServerDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;

  @IsString()
  @IsNotEmpty()
  server_template!: string;
}
