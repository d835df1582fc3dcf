import { Inject, Injectable } from '@nestjs/common';
import {
  conflict,
  decideUser,
  decideUserGroup,
  userGroupStream,
  usernameKey,
  userStream,
  type UserCommand,
  type UserGroupCommand,
  userDecider,
  userGroupDecider,
} from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import {
  eventMetadata,
  handleCommand,
  NameRegistry,
  newId,
  type CommandMeta,
} from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api/api-error';

/**
 * Users, groups and grants: the gateway is the authority on who is who (the design gives it
 * auth), so these commands run here rather than in a service behind the bus.
 */
@Injectable()
export class IdentityCommands {
  private readonly names: NameRegistry;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {
    this.names = new NameRegistry(store);
  }

  /**
   * Signs a user up; the very first one becomes an enabled admin, decided by one stream that
   * only one append can create. With sign-ups closed nobody else gets in: the claim comes first
   * and a loser writes nothing. With them open, the name is reserved first, so two sign-ups of
   * one name cannot leave the claim to a user who is never created.
   */
  async signUp(
    username: string,
    passwordHash: string,
    meta: CommandMeta,
    signUpsOpen: boolean,
  ): Promise<string> {
    const { id, command } = newUser(username, passwordHash, false);
    let first: boolean;
    if (signUpsOpen) {
      await this.reserveUsername(username, id, meta);
      first = await this.claimFirstUser(id, meta);
    } else {
      first = await this.claimFirstUser(id, meta);
      if (!first) throw signUpsClosed();
      await this.reserveUsername(username, id, meta);
    }
    await this.user(id, { ...command, enabled: first, admin: first }, meta);
    return id;
  }

  /**
   * An admin's `CreateLocalUser`: an enabled user who is no admin, whatever the sign-up policy
   * (closing sign-ups is what makes this the way in).
   */
  async createLocalUser(username: string, passwordHash: string, meta: CommandMeta) {
    const { id, command } = newUser(username, passwordHash, true);
    await this.reserveUsername(username, id, meta);
    await this.user(id, command, meta);
    return id;
  }

  /**
   * Deletes a user: their stream ends (history keeps who they were), their name is free again,
   * and they leave every group they were a member of.
   */
  async deleteUser(id: string, username: string, meta: CommandMeta): Promise<void> {
    await this.user(id, { type: 'Delete' }, meta);
    await this.names.release('user', usernameKey(username), id, meta);
    for (const group of this.readModel.identity.allGroups()) {
      if (group.users.includes(id))
        await this.group(group.id, { type: 'RemoveMember', user: id }, meta);
    }
  }

  async user(id: string, command: UserCommand, meta: CommandMeta): Promise<void> {
    const { position } = await handleCommand(
      this.store,
      userStream(id),
      userDecider,
      command,
      meta,
    );
    await this.readModel.waitFor(position);
  }

  async createGroup(name: string, meta: CommandMeta): Promise<string> {
    const id = newId();
    decideUserGroup({ status: 'Empty' }, { type: 'Create', id, name });
    await this.reserve('usergroup', name, id, meta, `a user group named '${name}' already exists`);
    await this.group(id, { type: 'Create', id, name }, meta);
    return id;
  }

  async renameGroup(id: string, from: string, name: string, meta: CommandMeta): Promise<void> {
    if (from === name) return;
    await this.reserve('usergroup', name, id, meta, `a user group named '${name}' already exists`);
    await this.group(id, { type: 'Rename', name }, meta);
    await this.names.release('usergroup', from, id, meta);
  }

  async deleteGroup(id: string, name: string, meta: CommandMeta): Promise<void> {
    await this.group(id, { type: 'Delete' }, meta);
    await this.names.release('usergroup', name, id, meta);
  }

  async group(id: string, command: UserGroupCommand, meta: CommandMeta): Promise<void> {
    const { position } = await handleCommand(
      this.store,
      userGroupStream(id),
      userGroupDecider,
      command,
      meta,
    );
    await this.readModel.waitFor(position);
  }

  /** User names are unique regardless of case: the reservation is of their folded key. */
  private async reserveUsername(username: string, id: string, meta: CommandMeta) {
    try {
      await this.names.reserve('user', usernameKey(username), id, meta);
    } catch (error) {
      if ((error as { code?: string }).code !== 'CONFLICT') throw error;
      const holder = ((error as { details?: { holder?: string } }).details ?? {}).holder;
      const taken = (holder && this.readModel.identity.user(holder)?.username) || username;
      throw conflict(`a user named '${taken}' already exists`, { field: 'username' });
    }
  }

  private async reserve(
    category: string,
    name: string,
    id: string,
    meta: CommandMeta,
    taken: string,
  ) {
    try {
      await this.names.reserve(category, name, id, meta);
    } catch (error) {
      if ((error as { code?: string }).code === 'CONFLICT')
        throw conflict(taken, { field: 'name' });
      throw error;
    }
  }

  /** Whoever appends first to this stream is the first user; everyone after is not. */
  private async claimFirstUser(id: string, meta: CommandMeta): Promise<boolean> {
    try {
      const event = {
        id: newId(),
        type: 'FirstUserClaimed',
        data: { userId: id },
        metadata: eventMetadata(meta),
      };
      await this.store.append('system-first-user', [event], 'no_stream');
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}

export function signUpsClosed(): ApiError {
  return new ApiError(
    403,
    'sign-ups are disabled: ask an admin, or set auth.allow_signups',
    'FORBIDDEN',
  );
}

/**
 * A new user's SignUp command, checked by the domain before anything is reserved or claimed
 * (a bad name is refused with nothing written).
 */
function newUser(username: string, passwordHash: string, enabled: boolean) {
  const id = newId();
  const command: UserCommand = {
    type: 'SignUp',
    id,
    username,
    passwordHash,
    enabled,
    admin: false,
  };
  decideUser({ status: 'Empty' }, command);
  return { id, command };
}
