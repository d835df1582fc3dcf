import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../../checkpoints';

/**
 * Checkpoints in the event database itself: a projection that keeps its read model in the same
 * file could save both in one transaction; and there is one file to back up.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select: Database.Statement<[string], number>;
  private readonly upsert: Database.Statement<[string, number]>;

  constructor(db: Database.Database) {
    this.select = db
      .prepare<[string], number>('SELECT position FROM checkpoints WHERE name = ?')
      .pluck();
    this.upsert = db.prepare<[string, number]>(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
  }

  async load(name: string): Promise<number> {
    return this.select.get(name) ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    this.upsert.run(name, position);
  }
}
