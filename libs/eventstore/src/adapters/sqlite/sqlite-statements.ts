import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, type EventRow } from './sqlite-rows';

/** Every statement the store runs, prepared once when it opens: no SQL parsing per call. */
export function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare<[string, string, number, string, string, string, number]>(
      'INSERT INTO events (id, stream, revision, type, data, metadata, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    headRevision: db
      .prepare<[string], number>(
        'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      )
      .pluck(),
    storedId: db.prepare<[string], string>('SELECT id FROM events WHERE id = ?').pluck(),
    readStream: db
      .prepare<[string, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision`,
      )
      .raw(),
    readAll: db
      .prepare<[number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      )
      .raw(),
    headPosition: db.prepare<[], number | null>('SELECT max(position) FROM events').pluck(),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;
