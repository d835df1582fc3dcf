import { GRANT_UPCASTERS } from './identity/grant-upcasters';
import { createUpcasting } from './shared/upcasting';

/** Every upcaster of the domain's events: what the event store's readers apply. */
export const EVENT_UPCASTING = createUpcasting([...GRANT_UPCASTERS]);
