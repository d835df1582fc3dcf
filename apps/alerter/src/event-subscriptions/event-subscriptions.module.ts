import { Module } from '@nestjs/common';
import { EventSubscriptionsController } from './event-subscriptions.controller';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookFeed } from './webhook-feed';
import { WebhookHealthWatch } from './webhook-health-watch';
import { WebhookQueue } from './webhook-queue';
import { WebhookSender } from './webhook-sender';
import { WebhookWorker } from './webhook-worker';

/**
 * Outgoing webhook subscriptions: their writes, admission of each event to each subscription,
 * and delivery through the alerter's delivery machinery (ledger, runner, retry policy).
 */
@Module({
  controllers: [EventSubscriptionsController, WebhookDeliveriesController],
  providers: [WebhookQueue, WebhookFeed, WebhookSender, WebhookHealthWatch, WebhookWorker],
})
export class EventSubscriptionsModule {}
