import type { EntityManager } from 'typeorm';

/**
 * Rows of a statement with RETURNING. (EntityManager.query gives [rows, count] for UPDATE and
 * DELETE but plain rows for INSERT and SELECT; the structured result is the same for all.)
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.dataSource.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return result.records as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
