import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../../checkpoints';

/**
 * Checkpoints in the event database file itself: the embedded mode keeps one file to back up,
 * and a copy of it never holds checkpoints ahead of the events they point at.
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
