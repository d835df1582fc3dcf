/** Why a command was refused, with a code the transports map to a status (see libs/bus). */
export type DomainErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (message: string, details?: unknown) =>
  new DomainError('NOT_FOUND', message, details);
export const conflict = (message: string, details?: unknown) =>
  new DomainError('CONFLICT', message, details);
export const invalid = (message: string, details?: unknown) =>
  new DomainError('VALIDATION', message, details);
export const forbidden = (message: string, details?: unknown) =>
  new DomainError('FORBIDDEN', message, details);
