import type Database from 'better-sqlite3';

/**
 * better-sqlite3 compiles SQL on every `prepare()`; statements that run on each API call (a row by id, a uniqueness
 * check, an insert of the same columns) are compiled once per connection instead. Callers must not change a cached
 * statement's mode (`pluck`, `raw`): every user of the same SQL shares it.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** `key` is the SQL itself, or, on hot paths that would otherwise build the same SQL for each row, a name for it. */
  get(key: string, build: () => string = () => key): Database.Statement {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(build());
      this.statements.set(key, statement);
    }
    return statement;
  }
}
