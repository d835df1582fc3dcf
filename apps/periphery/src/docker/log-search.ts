/**
 * The agent's own searches (Komodo's periphery `GetContainerLogSearch`, `SearchComposeLog`) use
 * the matcher the core uses for SearchDeploymentLog and the like, which search the masked log
 * in the core: one implementation. The agent knows no secrets, so the core never asks it to
 * search.
 */
export { searchLines, type LogSearch, type SearchCombinator } from '@monitor/domain/agent';
