import type { Types } from 'komodo_client';
import { LaunchServerDto } from '../requests/server-template.dto';
import { entry, on } from './entry';

/**
 * A ServerTemplate's execution (Komodo 1.x; templates left Komodo in 2.0): LaunchServer answers
 * its Update at once and runs in the deployer. Execute on the template is checked here; the
 * gateway also requires the right to create Servers.
 */
export const SERVER_TEMPLATE_REQUESTS = {
  LaunchServer: entry<Types.Update>()(
    'LaunchServer',
    'execute',
    LaunchServerDto,
    on<LaunchServerDto>('ServerTemplate', 'server_template', 'Execute'),
    'deployer',
  ),
};
