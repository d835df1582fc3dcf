import { IsString, Matches } from 'class-validator';

/**
 * Hetzner Cloud's project token, for ServerTemplates that name no cloud account (`[hetzner]`,
 * as Komodo's config has it). A secret: never logged, masked in every launch's Update. Empty:
 * Hetzner templates must name a cloud account.
 */
export class HetznerSettings {
  @IsString()
  @Matches(/^([A-Za-z0-9]{64})?$/, {
    message: "token must be Hetzner's 64 letters and digits (or empty)",
  })
  token = '';

  /** Hetzner's API; another one (a local endpoint in tests) when set. */
  @IsString()
  base_url = '';
}
