import { deepEqual, KIND_SPECS, type ResourceKind } from '@monitor/domain';
import { openPaths, sealPaths, type Keyring } from '@monitor/secrets';

/**
 * Secret config fields (a Server's passkey, webhook secrets, ...) are sealed before they reach
 * an event. A field whose plaintext is unchanged is left out of an update, since sealing the
 * same value again gives a different ciphertext and would look like a change.
 */
export class ConfigSecrets {
  constructor(private readonly keyring: Keyring) {}

  sealNew<C extends object>(kind: ResourceKind, config: C): C {
    return sealPaths(config, KIND_SPECS[kind].secrets, this.keyring);
  }

  sealPatch(
    kind: ResourceKind,
    current: object,
    patch: Record<string, unknown>,
  ): Record<string, unknown> {
    const paths = KIND_SPECS[kind].secrets;
    if (!paths.length) return patch;
    const secretFields = new Set(paths.map((path) => path[0]));
    const opened: Record<string, unknown> = openPaths({ ...current }, paths, this.keyring);
    const changed = Object.fromEntries(
      Object.entries(patch).filter(
        ([field, value]) => !secretFields.has(field) || !deepEqual(opened[field], value),
      ),
    );
    return sealPaths(changed, paths, this.keyring);
  }

  open<C extends object>(
    kind: ResourceKind,
    config: C,
    redactor?: { add(value: string): void },
  ): C {
    return openPaths(config, KIND_SPECS[kind].secrets, this.keyring, redactor);
  }
}
