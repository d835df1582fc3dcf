import { timingSafeEqual } from 'node:crypto';
import {
  deriveSigningKey,
  openSealedPasskey,
  PASSKEY_RULE,
  PASSKEY_RULE_TEXT,
  type SigningKeySource,
} from '@monitor/agent-client';
import { PeripheryError } from '../api/periphery-error';
import type { PeripheryConfig } from '../config';
import { passkeyFile, readPasskeyFile, writePasskeyFile } from './passkey-file';

/**
 * The passkeys the agent accepts now: the one the core set (kept in `<root>/state/passkey`),
 * else the configured ones. The core replaces them with `replace`, after which only the new
 * one is accepted; `generation` counts the replacements, so a request whose signature was
 * checked before one is refused once its body is read (signed-body.ts).
 */
export class AgentPasskeys implements SigningKeySource {
  private keys: readonly Buffer[];
  private changes = 0;

  private constructor(
    private readonly file: string,
    passkeys: readonly string[],
    /** Where the passkeys in use come from, for the start-up log (never the values). */
    public source: string,
  ) {
    this.keys = passkeys.map(deriveSigningKey);
  }

  /** At start: a passkey the core set wins over PERIPHERY_PASSKEYS and the config file's. */
  static load(config: PeripheryConfig): AgentPasskeys {
    const file = passkeyFile(config);
    const kept = readPasskeyFile(file);
    if (kept) return new AgentPasskeys(file, [kept], `the passkey the core set, kept in ${file}`);
    const count = config.passkeys.length;
    return new AgentPasskeys(
      file,
      config.passkeys,
      count ? `${count} configured passkey${count > 1 ? 's' : ''}` : 'no passkey',
    );
  }

  get generation(): number {
    return this.changes;
  }

  get empty(): boolean {
    return this.keys.length === 0;
  }

  signingKeys(): readonly Buffer[] {
    return this.keys;
  }

  /**
   * Opens `sealed` (sealed under a passkey accepted now), checks the passkey inside, keeps it
   * on disk, then accepts it alone: all in one turn of the event loop, so no other request is
   * checked in between. Nothing changes when any step fails before the new file is in place.
   * Answers a warning when it is in place but not flushed. Errors never hold the value.
   */
  replace(sealed: string): string | undefined {
    if (this.empty) {
      throw new PeripheryError(
        'CONFLICT',
        'RotatePasskey: this agent has no passkey to replace (it runs with allow_no_passkey); ' +
          'configure one (PERIPHERY_PASSKEYS) first',
      );
    }
    const passkey = openSealedPasskey(this.keys, sealed);
    if (passkey === undefined) {
      throw new PeripheryError(
        'VALIDATION',
        'RotatePasskey: sealed_passkey is not sealed under a passkey this agent accepts now ' +
          '(sealed under one already replaced, or altered on the way)',
      );
    }
    if (!PASSKEY_RULE.test(passkey))
      throw new PeripheryError('VALIDATION', `RotatePasskey: the new passkey ${PASSKEY_RULE_TEXT}`);
    const key = deriveSigningKey(passkey);
    if (this.keys.some((current) => timingSafeEqual(current, key))) {
      throw new PeripheryError(
        'VALIDATION',
        'RotatePasskey: the new passkey must differ from the one it replaces',
      );
    }
    let warning: string | undefined;
    try {
      warning = writePasskeyFile(this.file, passkey);
    } catch (error) {
      throw new PeripheryError(
        'INTERNAL',
        `RotatePasskey: could not keep the new passkey in ${this.file} (${(error as Error).message}); ` +
          'the current passkey stays in use',
      );
    }
    this.keys = [key];
    this.changes += 1;
    this.source = `the passkey the core set, kept in ${this.file}`;
    return warning;
  }
}
