import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HISTORY_REQUESTS } from '@monitor/contracts';
import { alertStream, isResourceKind, type Alert, closeAlertDecider } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../api-error';
import { RequestRegistry } from '../request-registry';

/**
 * Komodo's `CloseAlert { id }`: resolves an open alert by hand. Komodo keeps it to admins;
 * Monitor also lets whoever may write the alert's resource close it. A problem that persists
 * opens a new alert at the next poll, as in Komodo.
 */
@Injectable()
export class AlertWrites implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.handle(HISTORY_REQUESTS.CloseAlert, async ({ id }, { principal, meta }) => {
      const alert = this.readModel.alerts.alert(id);
      if (!alert) throw new ApiError(404, `no alert has the id '${id}'`, 'NOT_FOUND');
      this.requireWrite(principal, alert);
      const command = { type: 'Resolve' as const, ts: Date.now() };
      const { position } = await handleCommand(
        this.store,
        alertStream(alert.id),
        closeAlertDecider,
        command,
        meta,
      );
      await this.readModel.waitFor(position);
      return {};
    });
  }

  /** Admins, or Write on the alert's resource while it exists (System alerts: admins only). */
  private requireWrite(principal: Principal, alert: Alert): void {
    if (principal.isAdmin) return;
    const { type, id } = alert.target;
    const resource = isResourceKind(type) ? this.readModel.resource(type, id) : undefined;
    if (resource?.id === id && principal.can(resource, 'Write')) return;
    throw new ApiError(
      403,
      `you need Write permission on the target of alert '${alert.id}' (${type} '${resource?.name ?? id}') to close it`,
      'FORBIDDEN',
    );
  }
}
