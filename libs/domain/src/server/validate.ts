import { maintenanceWindowErrors, type FieldProblem } from '../alerter/validate-windows';
import type { ServerConfig } from './server.config';

/**
 * What a Server's config must satisfy when written: its maintenance windows, which keep its
 * alerts from its alerters, must be windows that can hold. Absent fields are not checked.
 */
export function validateServerConfig(config: Partial<ServerConfig>): FieldProblem[] {
  return config.maintenance_windows === undefined
    ? []
    : maintenanceWindowErrors(config.maintenance_windows);
}
