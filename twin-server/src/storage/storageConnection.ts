import type { DuckDBConnection, DuckDBInstance, DuckDBMaterializedResult, DuckDBPreparedStatement, DuckDBTableFunction, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { SerialQueue } from './serialQueue.ts';
import { StorageError } from './storageError.ts';

/**
 * One DuckDB connection and the queue that gives it to one task at a time. Statements with values
 * are prepared once per connection and run with bound parameters (never values spliced into SQL);
 * every failure comes back as a `StorageError` naming the operation.
 */
export class StorageConnection {
  private readonly queue = new SerialQueue();
  private readonly statements = new Map<string, DuckDBPreparedStatement>();
  private closed = false;

  private constructor(
    /** Role of the connection, for error messages (`ingest`, `read`, `maintenance`). */
    readonly role: string,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens a connection on `instance`. */
  static async connect(instance: DuckDBInstance, role: string): Promise<StorageConnection> {
    try {
      return new StorageConnection(role, await instance.connect());
    } catch (error) {
      throw StorageError.wrap(`connect (${role})`, error);
    }
  }

  /** Runs `task` alone on this connection, after the tasks queued before it. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  /** Resolves once the queued tasks have settled. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Runs one statement (or a script of statements when there are no values). Call it from inside
   * `exclusive`. `values` bind to `$1, $2, …` with the DuckDB `types` given.
   */
  async run(operation: string, sql: string, values?: readonly DuckDBValue[], types?: readonly DuckDBType[]): Promise<DuckDBMaterializedResult> {
    this.assertOpen(operation);
    try {
      if (values === undefined || values.length === 0) return await this.connection.run(sql);
      const statement = await this.prepared(sql);
      statement.clearBindings();
      statement.bind([...values], types === undefined ? undefined : [...types]);
      return await statement.run();
    } catch (error) {
      throw StorageError.wrap(operation, error);
    }
  }

  /**
   * Runs `body` inside BEGIN … COMMIT; on any failure rolls back and rethrows as a
   * `StorageError`. Call it from inside `exclusive`.
   */
  async transaction<T>(operation: string, body: () => Promise<T>): Promise<T> {
    await this.run(`${operation}: begin`, 'BEGIN TRANSACTION');
    let result: T;
    try {
      result = await body();
    } catch (error) {
      await this.rollbackQuietly();
      throw StorageError.wrap(operation, error);
    }
    await this.commit(operation);
    return result;
  }

  /** Commits the open transaction; a failed COMMIT leaves nothing behind (DuckDB rolls it back). */
  async commit(operation: string): Promise<void> {
    try {
      await this.run(`${operation}: commit`, 'COMMIT');
    } catch (error) {
      await this.rollbackQuietly();
      throw error;
    }
  }

  /** Rolls back the open transaction, if any, ignoring "no transaction is active". */
  async rollbackQuietly(): Promise<void> {
    if (this.closed) return;
    try {
      await this.connection.run('ROLLBACK');
    } catch {
      // Nothing to roll back: the failed statement already ended the transaction.
    }
  }

  /** DuckDB's id of this connection (table functions use it to refuse other connections). */
  get connectionId(): number {
    return this.connection.clientContext.connectionId;
  }

  /** Registers a table function (DuckDB makes it visible to every connection of the instance). */
  registerTableFunction(tableFunction: DuckDBTableFunction): void {
    this.assertOpen('register table function');
    try {
      this.connection.registerTableFunction(tableFunction);
    } catch (error) {
      throw StorageError.wrap('register table function', error);
    }
  }

  /** Releases the prepared statements and the connection. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const statement of this.statements.values()) statement.destroySync();
    this.statements.clear();
    this.connection.closeSync();
  }

  private async prepared(sql: string): Promise<DuckDBPreparedStatement> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = await this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw new StorageError(operation, `the ${this.role} connection is closed`, 'TWIN_ERR_INGEST_UNAVAILABLE');
  }
}
