import type { StoredEvent } from '@monitor/eventstore';
import { instantUpdate } from './instant-update';
import type { UpdateRecord } from './update-record';

const VARIABLE_OPERATIONS: Record<string, string> = {
  VariableCreated: 'CreateVariable',
  VariableValueUpdated: 'UpdateVariableValue',
  VariableDescriptionUpdated: 'UpdateVariableDescription',
  VariableIsSecretUpdated: 'UpdateVariableIsSecret',
  VariableUseSet: 'UpdateVariablePermission',
  VariableDeleted: 'DeleteVariable',
};

const ACCOUNT_ACTIONS: Record<string, string> = {
  AccountCreated: 'Create',
  AccountUpdated: 'Update',
  AccountDeleted: 'Delete',
};

/**
 * Variables and accounts belong to no resource: their Updates target `System`, as in Komodo.
 * The log names what changed, never a value (which may be secret).
 */
export function updateFromSettingsEvent(event: StoredEvent): UpdateRecord | undefined {
  const data = event.data as Record<string, unknown>;
  let operation: string | undefined;
  let stdout = '';
  if (event.stream.startsWith('variable-')) {
    operation = VARIABLE_OPERATIONS[event.type];
    stdout = `variable ${event.stream.slice('variable-'.length)}: ${operation ?? event.type}`;
  } else {
    const action = ACCOUNT_ACTIONS[event.type];
    const kind = event.stream.startsWith('gitaccount-')
      ? 'GitProviderAccount'
      : 'ImageRegistryAccount';
    operation = action && `${action}${kind}`;
    stdout = `${kind} ${String(data.username ?? '')}@${String(data.domain ?? '')}`;
  }
  if (!operation) return undefined;
  return instantUpdate(event, operation, stdout);
}
