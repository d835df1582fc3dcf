import 'reflect-metadata';
import { runMain, runService } from '@monitor/runtime';
import { ProceduresModule } from './procedures.module';

runMain(() => runService('procedures', ProceduresModule));
