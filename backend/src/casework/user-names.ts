import { type EntityManager, In } from 'typeorm';
import { UserEntity } from '../access/user.entity.js';

/** Names of the organisation's users, for showing who did what. */
export async function userNames(
  manager: EntityManager,
  organisationId: string,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const users = await manager.find(UserEntity, {
    select: { id: true, name: true },
    where: { organisationId, id: In(wanted) },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}
