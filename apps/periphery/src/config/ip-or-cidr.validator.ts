import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseIpRule } from '../auth/ip-allow-list';

const isIpOrCidr = (value: unknown) =>
  typeof value === 'string' && parseIpRule(value) !== undefined;

/** A list of IPv4/IPv6 addresses or CIDR ranges, as `allowed_ips` accepts; names the bad entries. */
export function IsIpOrCidrList(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIpOrCidrList',
      target: target.constructor,
      propertyName,
      options: {
        message: (args) => {
          const bad = Array.isArray(args.value)
            ? args.value.filter((v) => !isIpOrCidr(v))
            : args.value;
          return `${args.property} must hold IP addresses or CIDR ranges such as 10.0.0.0/8 or fd00::/8 (not ${JSON.stringify(bad)})`;
        },
        ...options,
      },
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every(isIpOrCidr),
      },
    });
}
