import * as v from 'valibot';
import { GetContainerLogDto } from '../docker/docker.dto';
import { PullImageDto } from '../docker/pull-image.dto';
import { parseParams } from './params';
import { PeripheryError } from './periphery-error';

/** What a client reads when its params are refused. */
const refusal = (schema: Parameters<typeof parseParams>[1], input: unknown): string => {
  try {
    parseParams('Req', schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(PeripheryError);
    expect(error).toMatchObject({ code: 'VALIDATION', status: 400 });
    return (error as PeripheryError).message;
  }
  throw new Error('the params were taken');
};

describe('request params', () => {
  it('answers the schema output, defaults filled in', () => {
    expect(parseParams('Req', GetContainerLogDto, { name: 'web' })).toEqual({
      name: 'web',
      tail: 100,
    });
  });

  it('names each bad field and why, once, in the request', () => {
    expect(refusal(GetContainerLogDto, {})).toBe('Req: name is required');
    expect(refusal(GetContainerLogDto, { name: 'web', tail: 'ten' })).toBe(
      'Req: tail must be a number',
    );
    expect(refusal(GetContainerLogDto, { name: 'web', tail: 5001 })).toBe(
      'Req: tail must not be greater than 5000',
    );
    expect(refusal(GetContainerLogDto, { name: 'web', tail: 1.5 })).toBe(
      'Req: tail must be an integer',
    );
    expect(refusal(GetContainerLogDto, { name: '', owner: { kind: 'Build', id: 'x' } })).toBe(
      'Req: name must not be empty; owner.kind must be one of "Deployment" | "Stack"',
    );
    expect(refusal(GetContainerLogDto, 'web')).toBe('Req: params must be an object');
  });

  it('refuses unknown fields, prototype keys included, at any depth', () => {
    for (const [json, field] of [
      ['{"name":"web","colour":1}', 'colour'],
      ['{"name":"web","__proto__":{}}', '__proto__'],
      ['{"name":"web","constructor":{}}', 'constructor'],
      ['{"name":"web","owner":{"kind":"Stack","id":"s","x":1}}', 'owner.x'],
    ]) {
      expect(refusal(GetContainerLogDto, JSON.parse(json))).toBe(`Req: unknown field '${field}'`);
    }
  });

  it('says what is wrong with a value without echoing it: it may be a secret', () => {
    const secret = 'registry-token-s3cret';
    const message = refusal(PullImageDto, {
      image: `app ${secret}`,
      registry: { domain: 'ghcr.io', username: 'me', token: [secret] },
    });
    expect(message).toMatch(
      /^Req: image must be an image reference .*; registry\.token must be a string$/,
    );
    expect(message).not.toContain(secret);
  });

  it('takes a schema of any shape', () => {
    expect(parseParams('Req', v.strictObject({}), {})).toEqual({});
  });
});
