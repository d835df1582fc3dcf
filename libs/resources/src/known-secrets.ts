import type { ReadModel } from '@monitor/projections';
import { isSealed, Redactor, type Keyring } from '@monitor/secrets';

/**
 * A redactor that knows every secret variable and account token: for text Monitor passes on
 * but did not write, such as a container's own log, which may print what it was given.
 */
export function knownSecrets(readModel: ReadModel, keyring: Keyring): Redactor {
  const redactor = new Redactor();
  for (const variable of readModel.settings.allVariables()) {
    if (variable.isSecret && isSealed(variable.value)) redactor.add(keyring.open(variable.value));
  }
  for (const type of ['GitProvider', 'ImageRegistry'] as const) {
    for (const account of readModel.settings.allAccounts(type)) {
      if (isSealed(account.token)) redactor.add(keyring.open(account.token));
    }
  }
  return redactor;
}
