import { Module } from '@nestjs/common';
import { ScheduledRunStarter } from './scheduled-run-starter';
import { Scheduler } from './scheduler';
import { StartupGeneration } from './startup-generation';
import { StartupRuns } from './startup-runs';

/**
 * Procedures' and Actions' schedules (every replica ticks, one claims each tick) and Actions'
 * start-up runs (one per start of the installation).
 */
@Module({ providers: [ScheduledRunStarter, Scheduler, StartupGeneration, StartupRuns] })
export class SchedulesModule {}
