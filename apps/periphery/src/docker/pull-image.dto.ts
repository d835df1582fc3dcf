import * as v from 'valibot';
import { OwnerDto } from './container-owner';
import { ImageReference } from './engine-validators';

const NON_EMPTY = v.pipe(v.string(), v.minLength(1));

/** The account to pull with; the token is a secret and is never written anywhere. */
export const RegistryAuthDto = v.strictObject({
  /** The registry the account belongs to (`ghcr.io`, `registry.example.com:5000`). */
  domain: NON_EMPTY,
  username: NON_EMPTY,
  token: NON_EMPTY,
});

export const PullImageDto = v.strictObject({
  image: ImageReference,
  registry: v.optional(RegistryAuthDto),
});

/**
 * Whether the container `container` runs what `image` (default: the reference it was created
 * from) names at its registry now.
 */
export const CheckImageUpdateDto = v.strictObject({
  container: NON_EMPTY,
  /** The resource whose container it is: another's is not read. */
  owner: v.optional(OwnerDto),
  image: v.optional(ImageReference),
  registry: v.optional(RegistryAuthDto),
});
