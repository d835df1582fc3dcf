import { BadRequestException, ConflictException, Logger, NotFoundException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import {
  BUS_ERROR_CODES,
  BUS_ERROR_HTTP_STATUS,
  BusError,
  busErrorFromWire,
  toRpcException,
  type BusErrorShape,
} from './bus-error';
import { BusExceptionFilter } from './bus-exception.filter';

class DomainLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

describe('bus errors', () => {
  it('maps every code to an HTTP status', () => {
    expect(Object.keys(BUS_ERROR_HTTP_STATUS).sort()).toEqual([...BUS_ERROR_CODES].sort());
    expect(BUS_ERROR_HTTP_STATUS.NOT_FOUND).toBe(404);
    expect(BUS_ERROR_HTTP_STATUS.TIMEOUT).toBe(504);
  });

  it('is an RpcException carrying its own shape', () => {
    const error = new BusError('NOT_FOUND', 'no server s1', { id: 's1' });
    expect(error).toBeInstanceOf(RpcException);
    expect(error.message).toBe('no server s1');
    expect(error.getError()).toEqual({
      code: 'NOT_FOUND',
      message: 'no server s1',
      details: { id: 's1' },
    });
    expect(new BusError('CONFLICT', 'taken').toJSON()).toEqual({
      code: 'CONFLICT',
      message: 'taken',
    });
  });

  it.each<[string, unknown, BusErrorShape]>([
    ['a BusError', new BusError('FORBIDDEN', 'no'), { code: 'FORBIDDEN', message: 'no' }],
    [
      'an RpcException with a shape',
      new RpcException({ code: 'NOT_FOUND', message: 'gone', details: [1] }),
      { code: 'NOT_FOUND', message: 'gone', details: [1] },
    ],
    [
      'an RpcException with a string',
      new RpcException('bad'),
      { code: 'INTERNAL', message: 'bad' },
    ],
    [
      'an error with a known code (DomainError)',
      new DomainLikeError('CONFLICT', 'name taken', { name: 'a' }),
      { code: 'CONFLICT', message: 'name taken', details: { name: 'a' } },
    ],
    [
      'an error with an unknown code',
      new DomainLikeError('EACCES', 'denied'),
      { code: 'INTERNAL', message: 'denied' },
    ],
    [
      "a ValidationPipe's BadRequestException",
      new BadRequestException(['name must be a string', 'property x should not exist']),
      {
        code: 'VALIDATION',
        message: 'name must be a string; property x should not exist',
        details: ['name must be a string', 'property x should not exist'],
      },
    ],
    [
      'a NotFoundException',
      new NotFoundException('no such server'),
      { code: 'NOT_FOUND', message: 'no such server' },
    ],
    ['a ConflictException', new ConflictException('taken'), { code: 'CONFLICT', message: 'taken' }],
    ['a plain Error', new Error('disk on fire'), { code: 'INTERNAL', message: 'disk on fire' }],
    ['a thrown string', 'oops', { code: 'INTERNAL', message: 'internal error' }],
  ])('answers %s as its code', (_what, thrown, expected) => {
    expect(toRpcException(thrown).toJSON()).toEqual(expected);
  });

  it('reads a received error, and anything unexpected as INTERNAL', () => {
    expect(busErrorFromWire({ code: 'TIMEOUT', message: 'slow', details: 1 }).toJSON()).toEqual({
      code: 'TIMEOUT',
      message: 'slow',
      details: 1,
    });
    expect(
      busErrorFromWire({ status: 'error', message: 'Internal server error' }).toJSON(),
    ).toEqual({
      code: 'INTERNAL',
      message: 'Internal server error',
    });
    expect(busErrorFromWire(42).toJSON()).toEqual({ code: 'INTERNAL', message: 'internal error' });
  });

  it('filters a handler failure into the shape, and logs the stack only here', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const crash = new Error('disk on fire');
      const answer$ = new BusExceptionFilter().catch(crash, {} as never);
      await expect(lastValueFrom(answer$)).rejects.toEqual({
        code: 'INTERNAL',
        message: 'disk on fire',
      });
      expect(logged).toHaveBeenCalledWith('disk on fire', crash.stack);
    } finally {
      logged.mockRestore();
    }
  });
});
