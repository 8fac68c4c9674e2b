// Writes to the server's SQLite file as another program would (the staff editor, until it
// exists, or an import), with Python's sqlite3 module from the machine's CPython.
import { execFileSync } from 'node:child_process';

const WRITE = 'import sqlite3, sys\nconnection = sqlite3.connect(sys.argv[1])\nconnection.execute(sys.argv[2])\nconnection.commit()';

export function writeDatabase(database, sql) {
  execFileSync('python3', ['-c', WRITE, database, sql]);
}

/** Renames an activity in French, as a staff member would. */
export function renameActivity(database, id, title) {
  writeDatabase(database, `UPDATE activities SET body = json_set(body, '$.title.fr', '${title.replaceAll("'", "''")}') WHERE id = ${Number(id)}`);
}
