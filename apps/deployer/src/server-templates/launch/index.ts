export * from './cloud-machines';
export * from './launch-credentials';
export * from './launch-record';
export * from './cleanup-alerts';
export * from './launched-server';
export * from './server-launch';
export * from './launch-resume';
export * from './launch-names';
