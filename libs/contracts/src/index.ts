export * from './requests/resource-target.dto';
export * from './requests/lifecycle.dto';
export * from './requests/tags.dto';
export * from './requests/read.dto';
export * from './validation/validate-dto';
export * from './configs';
export * from './requests/identity.dto';
export * from './requests/settings.dto';
