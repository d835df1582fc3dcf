import { Module } from '@nestjs/common';
import { AlertFeed } from './alert-feed';
import { AlertSender } from './alert-sender';
import { AlerterHealthWatch } from './alerter-health-watch';
import { DeliveryController } from './delivery.controller';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryWorker } from './delivery-worker';

/** Delivery: admission of each alert event to each alerter, the queue, the sends, the reads. */
@Module({
  controllers: [DeliveryController],
  providers: [DeliveryQueue, AlertFeed, AlertSender, AlerterHealthWatch, DeliveryWorker],
  exports: [AlertSender],
})
export class DeliveryModule {}
