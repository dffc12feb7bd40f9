/**
 * The SQLite rpm database (`rpmdb.sqlite`, RHEL 9, Fedora 33+): every installed header is a row of the `Packages`
 * table. The file is opened from memory, read-only; nothing is written anywhere.
 */
import Database from 'better-sqlite3';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export function isSqliteDatabase(content: Buffer): boolean {
  return content.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC);
}

/** The header blobs of an rpmdb.sqlite, or why they cannot be read. */
export function readSqliteRpmBlobs(content: Buffer): Buffer[] | string {
  if (!isSqliteDatabase(content)) return 'not an SQLite database';
  // rpm keeps the database in WAL mode, which SQLite cannot open from memory; bytes 18-19 (write and read format
  // version, 2 for WAL) set to 1 make it a rollback-journal database with the same pages. The copy keeps the input intact.
  const copy = Buffer.from(content);
  copy[18] = 1;
  copy[19] = 1;
  let database: Database.Database | undefined;
  try {
    database = new Database(copy, { readonly: true });
    const rows = database.prepare('SELECT blob FROM Packages').raw().all() as unknown[][];
    return rows.flatMap(([blob]) => (Buffer.isBuffer(blob) ? [blob] : []));
  } catch (error) {
    return `SQLite says: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    database?.close();
  }
}
