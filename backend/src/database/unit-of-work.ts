/**
 * Which database connection a request's writes go to. Normally the pool; inside an idempotent POST
 * the interceptor's transaction, so the record and the stored response commit together or not at
 * all (a retry can never find the record without its response, or the response without its record).
 */
import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager } from 'typeorm';

const current = new AsyncLocalStorage<EntityManager>();

/** Runs `work` with every UnitOfWork.manager call inside it using `manager`. */
export function runInUnitOfWork<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  return current.run(manager, work);
}

@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return current.getStore() ?? this.dataSource.manager;
  }

  /**
   * Independent reads: side by side on the pool, one after another inside a transaction, because a
   * transaction is one connection and a connection runs one query at a time (pg deprecates queueing).
   */
  async all<T extends readonly unknown[] | []>(reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
    if (!current.getStore()) return Promise.all(reads.map((read) => read())) as Promise<T>;
    const results: unknown[] = [];
    for (const read of reads) results.push(await read());
    return results as unknown as T;
  }

  /**
   * A transaction, or a savepoint inside the request's transaction when there is one. Services
   * called inside `work` see the transaction as their `manager` too, so their writes join it.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) => current.run(manager, () => work(manager)));
  }
}
