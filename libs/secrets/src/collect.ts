import { type SealedSecret, isSealed } from './sealed';

/**
 * Every sealed secret inside a JSON value (an event's data, a whole config...), for the rotation
 * scan. Iterative, so deeply nested documents cannot overflow the stack.
 */
export function collectSealed(value: unknown): SealedSecret[] {
  const found: SealedSecret[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (isSealed(node)) {
      found.push(node);
      continue;
    }
    const children = Array.isArray(node) ? node : Object.values(node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
  }
  return found;
}
