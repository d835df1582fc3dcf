export * from './alert-data';
export * from './alert';
export * from './alert-decision';
export * from './hysteresis';
export * from './server-health';
