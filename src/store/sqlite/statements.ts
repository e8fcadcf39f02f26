import type Database from 'better-sqlite3';

/** Prepared statements of one connection, each compiled once. */
export class Statements {
  private readonly compiled = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(source: string): Database.Statement {
    let statement = this.compiled.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.compiled.set(source, statement);
    }
    return statement;
  }
}
