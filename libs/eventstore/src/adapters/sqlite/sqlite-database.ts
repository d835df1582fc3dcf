import Database from 'better-sqlite3';

/**
 * How far a committed append survives:
 * - `process` (synchronous=NORMAL): the commit is in the WAL when `append` returns, so it
 *   survives the process being killed (kill -9, crash, OOM) but not a power loss or kernel
 *   panic before the next checkpoint; about ten times the write rate of `power`.
 * - `power` (synchronous=FULL): the WAL is fsynced at every commit, so it survives power loss.
 */
export type SqliteDurability = 'process' | 'power';

const schema = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    stream TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    UNIQUE (stream, revision)
  );
  CREATE TABLE IF NOT EXISTS checkpoints (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * Opens (creating if needed) the event database file. AUTOINCREMENT keeps positions from ever
 * being reused, even after the last rows were deleted by hand; the (stream, revision) unique
 * index both guards revisions and serves stream reads and the head-of-stream lookup.
 */
export function openEventDatabase(path: string, durability: SqliteDurability): Database.Database {
  const db = new Database(path, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durability === 'power' ? 'FULL' : 'NORMAL'}`);
    db.exec(schema);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
