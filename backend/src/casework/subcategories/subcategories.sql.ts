import { defaultSubcategories, type Category, type Subcategory } from '@deepvalue/shared';

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/** An organisation's list in order, retired entries marked; the shipped list while it has none of its own. */
export async function subcategoriesOf(query: Query, organisationId: string): Promise<Subcategory[]> {
  const rows = (await query(
    `SELECT category, key, label, active FROM subcategories WHERE organisation_id = $1 ORDER BY position, key`,
    [organisationId],
  )) as Array<{ category: Category; key: string; label: string; active: boolean }>;
  if (rows.length === 0) return defaultSubcategories();
  return rows.map(({ active, ...s }) => (active ? s : { ...s, retired: true }));
}

/**
 * Adds `items` (in their order) to an organisation's list, and gives an organisation that had only
 * the shipped list a stored copy of it after them. Entries it already holds are left as they are:
 * its own labels and retirements win over an import's.
 */
export async function addSubcategories(query: Query, organisationId: string, items: readonly Subcategory[]) {
  const rows = [
    ...items.map((s) => ({ ...s, shipped: false })),
    ...defaultSubcategories().map((s) => ({ ...s, shipped: true })),
  ];
  await query(
    `WITH held AS (SELECT EXISTS (SELECT 1 FROM subcategories WHERE organisation_id = $1) AS any)
     INSERT INTO subcategories (organisation_id, category, key, label, position, active)
     SELECT $1, s.category, s.key, s.label, s.position, NOT coalesce(s.retired, false)
       FROM json_to_recordset($2::json) AS s(category text, key text, label text, position int, retired boolean, shipped boolean), held
      WHERE NOT (s.shipped AND held.any)
     ON CONFLICT DO NOTHING`,
    [organisationId, JSON.stringify(rows.map((s, position) => ({ ...s, position })))],
  );
}
