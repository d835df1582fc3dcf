import type { UserAnswer } from '@monitor/contracts';
import { mayCreate } from './may-create';

const user = (over: Partial<UserAnswer>) =>
  ({
    admin: false,
    create_server_permissions: true,
    create_build_permissions: true,
    ...over,
  }) as UserAnswer;

describe('who is offered "New <Kind>"', () => {
  it('offers New Builder to admins only, whatever else a user may create', () => {
    expect(mayCreate(user({ admin: true }), 'Builder')).toBe(true);
    expect(mayCreate(user({}), 'Builder')).toBe(false);
    expect(mayCreate(user({}), 'Build')).toBe(true);
  });

  it('offers servers and builds by their grants, the rest to anyone', () => {
    const none = user({ create_server_permissions: false, create_build_permissions: false });
    expect(mayCreate(none, 'Server')).toBe(false);
    expect(mayCreate(none, 'Build')).toBe(false);
    expect(mayCreate(none, 'Repo')).toBe(true);
  });
});
