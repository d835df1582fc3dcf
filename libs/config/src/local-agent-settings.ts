import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';

/** `[local_agent]`: the embedded mode's agent for this machine's own Docker. */
export class LocalAgentSettings {
  /** The embedded mode runs an agent for this machine's Docker, registered as Server `local`. */
  @IsBoolean()
  enabled = true;

  /** 0 picks a free port at each start. */
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 8120;

  @IsString()
  docker_socket = '/var/run/docker.sock';

  /**
   * How often the agent samples the host's stats in the background (the agent's own
   * `stats_polling_rate_ms`). Each sample costs tens of milliseconds of this process's CPU, since
   * the agent runs inside it: benches set it long so that no sample lands in what they time.
   */
  @IsInt()
  @Min(100)
  stats_polling_rate_ms = 5000;
}
