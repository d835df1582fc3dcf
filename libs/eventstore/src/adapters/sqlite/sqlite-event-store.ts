import type Database from 'better-sqlite3';
import { expectedAsNumber, validateAppend } from '../../append-validation';
import { CatchUpSubscription } from '../../catch-up-subscription';
import type { CheckpointStore } from '../../checkpoints';
import { EventStoreError } from '../../errors';
import { duplicateId, findPriorAppend, resolveConflict } from '../../idempotency';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventHandler,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type StoredEvent,
  type Subscription,
} from '../../port';
import { GroupCommit, type GroupOutcome } from './group-commit';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { RecentRows } from './recent-rows';
import { openEventDatabase, type SqliteDurability } from './sqlite-database';
import { decodeRow, frozenEvent } from './sqlite-rows';
import { appendedRows, prepareEvent, type PreparedAppend } from './sqlite-appends';
import { prepareStatements, type SqliteStatements } from './sqlite-statements';

export interface SqliteEventStoreOptions {
  /** Default `process`: see `SqliteDurability`. */
  durability?: SqliteDurability;
  /**
   * How often subscriptions look for events written by another process on the same file, in
   * ms; appends through this store reach them at once. 0 turns looking off. Default 1000.
   */
  pollIntervalMs?: number;
}

const SUBSCRIPTION_PAGE = 2000;

/**
 * The embedded event store: one SQLite file in WAL mode. Position = the row's AUTOINCREMENT
 * key, assigned inside the write transaction, so readers never see a later position before an
 * earlier one commits.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private readonly appendTransaction: (append: PreparedAppend) => AppendResult;
  private readonly groupTransaction: (appends: PreparedAppend[]) => GroupOutcome<AppendResult>[];
  private readonly group = new GroupCommit((appends: PreparedAppend[]) => this.commit(appends));
  private readonly subscriptions = new Set<CatchUpSubscription>();
  /** What subscriptions woken by this store's appends read, rather than the file. */
  private readonly recent = new RecentRows();
  private readonly poller: NodeJS.Timeout | undefined;
  private checkpointStore: SqliteCheckpointStore | undefined;

  constructor(path: string, options: SqliteEventStoreOptions = {}) {
    this.db = openEventDatabase(path, options.durability ?? 'process');
    this.statements = prepareStatements(this.db);
    // IMMEDIATE takes the write lock before the revision check: another process on the file
    // cannot slip an append in between the check and the insert.
    const transaction = this.db.transaction(this.insertChecked.bind(this));
    this.appendTransaction = (append) => transaction.immediate(append);
    const group = this.db.transaction(this.insertGroup.bind(this));
    this.groupTransaction = (appends) => group.immediate(appends);
    const pollIntervalMs = options.pollIntervalMs ?? 1000;
    if (pollIntervalMs > 0) {
      this.poller = setInterval(() => this.wakeSubscriptions(), pollIntervalMs).unref();
    }
  }

  async append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    const prepared = events.map(prepareEvent);
    try {
      return await this.group.submit({ stream, expected, events: prepared });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        return resolveConflict(stream, await this.readStream(stream), events, expected);
      }
      if (isUniqueViolation(error)) {
        return this.answerStoredIds(stream, events);
      }
      throw error;
    }
  }

  async readStream(stream: string, fromRevision = 0): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.statements.readStream.all(stream, fromRevision).map(decodeRow);
  }

  async readAll(afterPosition = 0, limit = -1): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.statements.readAll.all(afterPosition, limit).map(decodeRow);
  }

  subscribeAll(afterPosition: number, handler: EventHandler): Subscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(
      async (after, limit) => {
        this.assertOpen();
        return (
          this.recent.after(after, limit) ??
          this.statements.readAll.all(after, limit).map(frozenEvent)
        );
      },
      afterPosition,
      handler,
      SUBSCRIPTION_PAGE,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.headPosition.get() ?? 0;
  }

  /** Checkpoints kept in the same file. */
  checkpoints(): CheckpointStore {
    this.assertOpen();
    this.checkpointStore ??= new SqliteCheckpointStore(this.db);
    return this.checkpointStore;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Appends already submitted are committed, as they would have been a moment later.
    this.group.flush();
    clearInterval(this.poller);
    this.recent.clear();
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  /**
   * Commits a group of appends in one transaction: one write of the file's pages for all,
   * rather than one each. An append whose expected revision is wrong fails alone (it inserted
   * nothing); an id already stored rolls the whole group back, and its appends are committed
   * one by one, as they would have been without the group. Rows reach subscriptions as each
   * append's do.
   */
  private commit(appends: PreparedAppend[]): GroupOutcome<AppendResult>[] {
    const outcomes =
      appends.length === 1 ? [this.commitOne(appends[0])] : this.commitTogether(appends);
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) this.recent.add(appendedRows(appends[i], outcome.value));
    });
    this.wakeSubscriptions();
    return outcomes;
  }

  private commitTogether(appends: PreparedAppend[]): GroupOutcome<AppendResult>[] {
    try {
      return this.groupTransaction(appends);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return appends.map((append) => this.commitOne(append));
    }
  }

  private commitOne(append: PreparedAppend): GroupOutcome<AppendResult> {
    try {
      return { ok: true, value: this.appendTransaction(append) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** The body of the group transaction: a wrong revision fails its append alone. */
  private insertGroup(appends: PreparedAppend[]): GroupOutcome<AppendResult>[] {
    return appends.map((append) => {
      try {
        return { ok: true, value: this.insertChecked(append) };
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) return { ok: false, error };
        throw error;
      }
    });
  }

  /** The body of an append: checks the stream's revision, then inserts. */
  private insertChecked({ stream, expected, events }: PreparedAppend): AppendResult {
    const head = this.statements.headRevision.get(stream);
    const current = head ?? -1;
    if (expected !== 'any' && expectedAsNumber(expected) !== current) {
      throw new WrongExpectedRevisionError(stream, expected, head ?? 'no_stream');
    }
    let position = 0;
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const { lastInsertRowid } = this.statements.insert.run(
        event.id,
        stream,
        current + 1 + i,
        event.type,
        event.data,
        event.metadata,
        event.schemaVersion,
      );
      position = Number(lastInsertRowid);
    }
    return { revision: current + events.length, position };
  }

  /** An id is already stored: fine if it is this very append, repeated. */
  private async answerStoredIds(stream: string, events: NewEvent[]): Promise<AppendResult> {
    const prior = findPriorAppend(stream, await this.readStream(stream), events);
    if (prior) return prior;
    const stored = events.find((event) => this.statements.storedId.get(event.id) !== undefined);
    throw duplicateId(stream, stored?.id ?? events[0].id);
  }

  private wakeSubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }

  private assertOpen(): void {
    if (!this.db.open)
      throw new EventStoreError('STORE_CLOSED', 'the sqlite event store is closed');
  }
}

/**
 * By code alone, not `instanceof`: the native addon keeps the error class of the first copy of
 * better-sqlite3 loaded in the process, which need not be ours, nor even of our realm (Jest
 * loads a copy per test file, each with its own `Error`).
 */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
