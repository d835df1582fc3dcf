export * from './auth-error';
export * from './passwords';
export * from './jwt';
export * from './api-keys';
export * from './jwt-secret';
export * from './rate-limiter';
export * from './login-throttle';
export * from './address-key';
