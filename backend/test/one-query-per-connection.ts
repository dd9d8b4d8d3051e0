/**
 * Fails a test that sends a query to a connection that is still running another: pg queues it today
 * with a DeprecationWarning and pg@9 will refuse it (the warning's own condition, made an error).
 * Concurrency must be explicit: the pool for parallel reads, sequential awaits inside a transaction.
 */
import pg from 'pg';

type Query = typeof pg.Client.prototype.query;
const guarded = Symbol('one query per connection');
const prototype = pg.Client.prototype as typeof pg.Client.prototype & { [guarded]?: true };

if (!prototype[guarded]) {
  const query: Query = prototype.query;
  prototype.query = function (this: pg.Client & { _queryQueue?: unknown[]; pipeline?: boolean }, ...args: unknown[]) {
    if ((this._queryQueue?.length ?? 0) > 0 && !this.pipeline) {
      throw new Error(
        'A query was sent to a connection still running others (one connection runs one query at a time)',
      );
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as Query;
  prototype[guarded] = true;
}
