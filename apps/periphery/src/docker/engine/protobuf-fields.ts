/** One field of a protobuf message: a varint's number, or a length-delimited field's bytes. */
export type ProtoField = { field: number; value: number | Buffer };

/**
 * The fields of a protobuf message, in order, as far as BuildKit's progress needs: varints and
 * length-delimited fields are read, fixed-width ones skipped. Enough to read the engine's build
 * progress without a protobuf library in the agent.
 */
export function protoFields(message: Buffer): ProtoField[] {
  const fields: ProtoField[] = [];
  let at = 0;
  while (at < message.length) {
    const [key, afterKey] = varint(message, at);
    const field = Math.floor(key / 8);
    switch (key & 7) {
      case 0: {
        const [value, next] = varint(message, afterKey);
        fields.push({ field, value });
        at = next;
        break;
      }
      case 2: {
        const [length, start] = varint(message, afterKey);
        fields.push({ field, value: message.subarray(start, start + length) });
        at = start + length;
        break;
      }
      case 1:
        at = afterKey + 8;
        break;
      case 5:
        at = afterKey + 4;
        break;
      default:
        return fields;
    }
  }
  return fields;
}

export function varint(buffer: Buffer, from: number): [number, number] {
  let value = 0;
  let shift = 0;
  let at = from;
  while (at < buffer.length) {
    const byte = buffer[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
    shift += 7;
  }
  return [value, at];
}

/** A length-delimited field: its key, its length as a varint, its bytes. */
export function bytesField(field: number, bytes: Buffer): Buffer {
  const length: number[] = [];
  let n = bytes.length;
  do {
    length.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return Buffer.concat([Buffer.from([(field << 3) | 2, ...length]), bytes]);
}
