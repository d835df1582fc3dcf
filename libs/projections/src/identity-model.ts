import {
  evolveUser,
  evolveUserGroup,
  usernameKey,
  type ApiKeyRecord,
  type Grants,
  type User,
  type UserGroup,
} from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/** Users, their API keys and user groups, as the gateway authenticates and authorizes with them. */
export class IdentityModel {
  private readonly users = new Map<string, User>();
  private readonly groups = new Map<string, UserGroup>();
  private readonly apiKeys = new Map<string, { userId: string; key: ApiKeyRecord }>();
  /** The names deleted users had, by id: their history still says who they were. */
  private readonly deletedNames = new Map<string, string>();

  readonly categories = ['user', 'usergroup'];

  apply(event: StoredEvent): void {
    if (event.stream.startsWith('usergroup-')) return this.applyGroup(event);
    const id = event.stream.slice('user-'.length);
    const before = this.users.get(id);
    const state = evolveUser(
      before ? { status: 'Active', user: before } : { status: 'Empty' },
      event,
    );
    for (const key of before?.apiKeys ?? []) this.apiKeys.delete(key.key);
    // A deleted user is gone from who is who: their tokens and API keys find no one.
    if (state.status !== 'Active') {
      if (state.status === 'Deleted') this.deletedNames.set(id, state.username);
      this.users.delete(id);
      return;
    }
    this.users.set(id, state.user);
    for (const key of state.user.apiKeys) this.apiKeys.set(key.key, { userId: id, key });
  }

  user(id: string): User | undefined {
    return this.users.get(id);
  }

  /** The name of a user by id, deleted users included. */
  nameOf(id: string): string | undefined {
    return this.users.get(id)?.username ?? this.deletedNames.get(id);
  }

  /**
   * A user by name, compared as `usernameKey` does (`Admin` is `admin`). The exact spelling
   * wins, for stores from before names were unique regardless of case.
   */
  userByName(username: string): User | undefined {
    const users = [...this.users.values()];
    const key = usernameKey(username);
    return (
      users.find((u) => u.username === username) ??
      users.find((u) => usernameKey(u.username) === key)
    );
  }

  /** A user by id or username. */
  findUser(idOrName: string): User | undefined {
    return this.users.get(idOrName) ?? this.userByName(idOrName);
  }

  allUsers(): User[] {
    return [...this.users.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  userCount(): number {
    return this.users.size;
  }

  apiKey(key: string): { userId: string; key: ApiKeyRecord } | undefined {
    return this.apiKeys.get(key);
  }

  group(idOrName: string): UserGroup | undefined {
    return this.groups.get(idOrName) ?? [...this.groups.values()].find((g) => g.name === idOrName);
  }

  allGroups(): UserGroup[] {
    return [...this.groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The groups a user belongs to, "everyone" groups included. */
  groupsOf(userId: string): UserGroup[] {
    return [...this.groups.values()].filter((g) => g.everyone || g.users.includes(userId));
  }

  groupGrants(userId: string): Grants[] {
    return this.groupsOf(userId).map((g) => g.grants);
  }

  private applyGroup(event: StoredEvent): void {
    const id = event.stream.slice('usergroup-'.length);
    const before = this.groups.get(id);
    const state = evolveUserGroup(
      before ? { status: 'Active', group: before } : { status: 'Empty' },
      event,
    );
    if (state.status === 'Active') this.groups.set(id, state.group);
    else this.groups.delete(id);
  }
}
