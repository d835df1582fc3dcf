import 'reflect-metadata';
import { runMain, runService } from '@monitor/runtime';
import { SyncModule } from './sync.module';

runMain(() => runService('sync', SyncModule));
