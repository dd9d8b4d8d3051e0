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
   * A transaction, or a savepoint inside the request's transaction when there is one. Services
   * called inside `work` see the transaction as their `manager` too, so their writes join it.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) => current.run(manager, () => work(manager)));
  }
}
