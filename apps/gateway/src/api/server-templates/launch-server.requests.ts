import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SERVER_TEMPLATE_REQUESTS } from '@monitor/contracts';
import { createRefusal } from '../../auth/create-rights';
import { ApiError } from '../api-error';
import { ExecutionForwarder } from '../execution-forwarder';
import { RequestRegistry } from '../request-registry';

/**
 * LaunchServer: Execute on the template (the catalogue's rule, checked before this) and the
 * right to create Servers, since a launch creates one and spends money in the cloud account.
 */
@Injectable()
export class LaunchServerRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly executions: ExecutionForwarder,
  ) {}

  onModuleInit(): void {
    const entry = SERVER_TEMPLATE_REQUESTS.LaunchServer;
    this.registry.handle(entry, (params, { principal, meta }) => {
      const refusal = createRefusal(principal, 'Server');
      if (refusal)
        throw new ApiError(403, `LaunchServer creates a Server: ${refusal}`, 'FORBIDDEN');
      return this.executions.run('ServerTemplate', entry.name, params, meta);
    });
  }
}
