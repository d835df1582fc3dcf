import 'reflect-metadata';
import { runMain, runService } from '@monitor/runtime';
import { AlerterModule } from './alerter.module';

runMain(() => runService('alerter', AlerterModule));
