import { Injectable } from '@nestjs/common';
import { labelOf, type Category, type Subcategory } from '@deepvalue/shared';
import type { EntityManager } from 'typeorm';
import { invalid } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { addSubcategories, subcategoriesOf } from './subcategories.sql.js';

/** Each organisation's sub-categories of law: a maintained list per category (shared/src/subcategories.ts). */
@Injectable()
export class SubcategoriesService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The list in order, retired entries marked; the shipped list while the organisation has none of its own. */
  list(organisationId: string, manager: EntityManager = this.uow.manager): Promise<Subcategory[]> {
    return subcategoriesOf((sql, params) => manager.query(sql, params), organisationId);
  }

  /** Replaces the list; entries left out are retired, so the cases that hold them keep their meaning. */
  async replace(organisationId: string, items: readonly Subcategory[]): Promise<Subcategory[]> {
    const seen = new Map<string, number>();
    const errors = items.flatMap((s, i) => {
      const found = [`k${s.category}\u0000${s.key}`, `l${s.category}\u0000${s.label.trim().toLowerCase()}`].flatMap(
        (id, j) =>
          seen.has(id)
            ? [{ path: `items[${i}].${j ? 'label' : 'key'}`, message: `is used twice in ${labelOf(s.category)}` }]
            : [],
      );
      seen.set(`k${s.category}\u0000${s.key}`, i).set(`l${s.category}\u0000${s.label.trim().toLowerCase()}`, i);
      return found;
    });
    if (errors.length) throw invalid(errors);
    await this.uow.transaction(async (m) => {
      await addSubcategories((sql, params) => m.query(sql, params), organisationId, []);
      await m.query(
        `UPDATE subcategories s SET active = false
          WHERE s.organisation_id = $1
            AND NOT EXISTS (SELECT 1 FROM json_to_recordset($2::json) AS i(category text, key text)
                             WHERE i.category = s.category AND i.key = s.key)`,
        [organisationId, JSON.stringify(items)],
      );
      await m.query(
        `INSERT INTO subcategories (organisation_id, category, key, label, position, active)
         SELECT $1, i.category, i.key, i.label, i.position, true
           FROM json_to_recordset($2::json) AS i(category text, key text, label text, position int)
         ON CONFLICT (organisation_id, category, key)
           DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position, active = true`,
        [organisationId, JSON.stringify(items.map((s, position) => ({ ...s, label: s.label.trim(), position })))],
      );
    });
    return this.list(organisationId);
  }

  /**
   * Refuses a sub-category the organisation does not offer for the category. A case keeps the
   * value it already holds (one retired since, or typed before the list) while its category stays.
   */
  async check(
    manager: EntityManager,
    organisationId: string,
    category: Category,
    subcategory: string | null | undefined,
    held?: { category: Category; subcategory: string | null },
  ): Promise<void> {
    if (subcategory == null) return;
    if (held && held.category === category && held.subcategory === subcategory) return;
    const offered = (await this.list(organisationId, manager)).filter((s) => s.category === category && !s.retired);
    if (offered.some((s) => s.key === subcategory)) return;
    const choices = offered.length ? `choose one of ${offered.map((s) => s.label).join(', ')}` : 'it has none yet';
    throw invalid([
      {
        path: 'subcategory',
        message: `'${subcategory}' is not a sub-category of ${labelOf(category)}: ${choices} (an administrator adds one under Admin → Sub-categories)`,
      },
    ]);
  }
}
