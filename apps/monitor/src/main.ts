import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@monitor/config';
import { runMain, stopOnSignal } from '@monitor/runtime';
import { startMonitor } from './monitor-app';

/** `npm start`: Monitor in one process, nothing else to install. */
runMain(async () => {
  const config = loadConfig();
  const monitor = await startMonitor(config);
  stopOnSignal(monitor.app, monitor.runtime);
  new Logger('Monitor').log(`Monitor is listening on ${monitor.url} (data in ${config.data_dir})`);
});
