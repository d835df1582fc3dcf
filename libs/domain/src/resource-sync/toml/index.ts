export type { ExportNames } from './config-view';
export { formatString } from './format';
export { KIND_TABLES, renderResourceToml, type ResourceTomlMeta } from './render-resource';
export { renderVariableToml } from './render-variable';
export { renderUserGroupToml } from './render-user-group';
export { renderResourcesToml, type ExportSet } from './render-set';
export { escapeBetweenTripleQuotes } from './prepass';
