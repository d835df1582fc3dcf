import { DecodedEnvelopes } from './decoded-envelopes';
import { encodeEnvelope, envelopeHeaders, type EnvelopeMessage } from './envelope';
import { encodeStreamToken } from './subject-token';

const metadata = { userId: 'u', via: 'api' as const, correlationId: 'c', causationId: 'c', at: 1 };

function message(seq: number): EnvelopeMessage {
  return {
    subject: `monitor.events.${encodeStreamToken('update-1')}`,
    seq,
    headers: envelopeHeaders(0, 2),
    data: encodeEnvelope([
      { id: `a${seq}`, type: 'T', data: { list: [{ n: 1 }] }, metadata },
      { id: `b${seq}`, type: 'T', data: {}, metadata },
    ]),
  };
}

describe('the envelopes a JetStream store decoded for its subscriptions', () => {
  it('decodes a message once: every consumer delivering it gets the same frozen events', () => {
    const envelopes = new DecodedEnvelopes('monitor.events');
    const first = envelopes.events(message(7));
    const again = envelopes.events(message(7));
    expect(again).toBe(first);
    expect(first.map((e) => [e.id, e.stream, e.revision])).toEqual([
      ['a7', 'update-1', 0],
      ['b7', 'update-1', 1],
    ]);
    const { list } = first[0].data as { list: { n: number }[] };
    expect([first, first[0], list, list[0]].every(Object.isFrozen)).toBe(true);
  });

  it('keeps the last envelopes only, decoding an older one again when asked', () => {
    const envelopes = new DecodedEnvelopes('monitor.events');
    const oldest = envelopes.events(message(1));
    for (let seq = 2; seq <= 5000; seq++) envelopes.events(message(seq));
    const decoded = envelopes.events(message(1));
    expect(decoded).not.toBe(oldest);
    expect(decoded).toEqual(oldest);
    expect(envelopes.events(message(5000))).toBe(envelopes.events(message(5000)));
  });
});
