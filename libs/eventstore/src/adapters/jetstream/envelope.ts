import { headers, type MsgHdrs } from '@nats-io/nats-core';
import { EventStoreError } from '../../errors';
import { toJson } from '../../json';
import type { EventMetadata, NewEvent, StoredEvent } from '../../port';
import { toPosition } from './positions';
import { decodeStreamToken } from './subject-token';

/**
 * One JetStream message per append, since NATS 2.9 cannot publish several atomically: the
 * body is the JSON array of its events, the headers say which revision the first one has and how
 * many there are (so the head of a stream is known without parsing the body).
 */
export const REVISION_HEADER = 'Monitor-Revision';
export const COUNT_HEADER = 'Monitor-Count';

interface EnvelopeEntry {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  schemaVersion: number;
}

/** What an envelope message carries, whether it came from a consumer or a direct get. */
export interface EnvelopeMessage {
  subject: string;
  seq: number;
  headers: MsgHdrs | undefined;
  data: Uint8Array;
}

/** A message from a direct get (`StoredMsg`), in the shape a consumer delivers. */
export function fromStoredMessage(message: {
  subject: string;
  seq: number;
  header: MsgHdrs;
  data: Uint8Array;
}): EnvelopeMessage {
  return {
    subject: message.subject,
    seq: message.seq,
    headers: message.header,
    data: message.data,
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeEnvelope(events: readonly NewEvent[]): Uint8Array {
  const entries = events.map((event) => ({
    id: event.id,
    type: event.type,
    data: event.data ?? null,
    metadata: event.metadata,
    schemaVersion: event.schemaVersion ?? 1,
  }));
  return encoder.encode(toJson(entries, 'the events of an append'));
}

export function envelopeHeaders(firstRevision: number, count: number): MsgHdrs {
  const result = headers();
  result.set(REVISION_HEADER, String(firstRevision));
  result.set(COUNT_HEADER, String(count));
  return result;
}

/** The revision of the last event in an envelope, from its headers alone. */
export function lastRevisionOf(message: EnvelopeMessage): number {
  const first = headerNumber(message, REVISION_HEADER);
  return first + headerNumber(message, COUNT_HEADER) - 1;
}

export function countOf(message: EnvelopeMessage): number {
  return headerNumber(message, COUNT_HEADER);
}

/** The events of an envelope; `prefix` is the subject prefix the stream name follows. */
export function decodeEnvelope(message: EnvelopeMessage, prefix: string): StoredEvent[] {
  const stream = decodeStreamToken(message.subject.slice(prefix.length + 1));
  const firstRevision = headerNumber(message, REVISION_HEADER);
  const entries: unknown = JSON.parse(decoder.decode(message.data));
  if (!Array.isArray(entries) || entries.length !== countOf(message)) {
    throw corrupt(message, 'body does not match its count header');
  }
  return (entries as EnvelopeEntry[]).map((entry, index) => ({
    id: entry.id,
    stream,
    revision: firstRevision + index,
    position: toPosition(message.seq, index),
    type: entry.type,
    data: entry.data,
    metadata: entry.metadata,
    schemaVersion: entry.schemaVersion,
  }));
}

function headerNumber(message: EnvelopeMessage, name: string): number {
  const value = Number(message.headers?.get(name));
  if (!message.headers?.has(name) || !Number.isSafeInteger(value)) {
    throw corrupt(message, `header ${name} missing or not a number`);
  }
  return value;
}

function corrupt(message: EnvelopeMessage, why: string): EventStoreError {
  return new EventStoreError(
    'CORRUPT_RECORD',
    `message ${message.seq} on ${message.subject}: ${why}`,
    {
      seq: message.seq,
      subject: message.subject,
    },
  );
}
