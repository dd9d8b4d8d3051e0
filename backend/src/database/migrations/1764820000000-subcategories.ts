/**
 * Sub-categories become a maintained list per category (docs/legal-aid-codes.md, "Sub-categories"):
 * each organisation's list, seeded with the shipped one and with every sub-category its cases
 * already hold, so no case's value falls outside the list. Keys of values typed before the list
 * are kept as typed (the cases store them); new keys are lower-case letters, digits and _.
 * Lists written out: a migration is a snapshot.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const SHIPPED: Array<[category: string, key: string, label: string]> = [
  ['housing', 'possession', 'Possession'],
  ['housing', 'disrepair', 'Disrepair'],
  ['housing', 'homelessness', 'Homelessness'],
  ['housing', 'allocation', 'Allocation'],
  ['housing', 'tenancy_deposit', 'Tenancy deposit'],
  ['welfare_benefits', 'pip', 'PIP (Personal Independence Payment)'],
  ['welfare_benefits', 'universal_credit', 'Universal Credit'],
  ['welfare_benefits', 'esa_wca', 'ESA work capability assessment'],
  ['welfare_benefits', 'sanction', 'Sanction'],
  ['welfare_benefits', 'overpayment', 'Overpayment'],
  ['debt', 'priority_debt', 'Priority debt'],
  ['debt', 'council_tax', 'Council tax'],
  ['debt', 'consumer_credit', 'Consumer credit'],
  ['debt', 'bailiffs', 'Bailiffs'],
  ['debt', 'insolvency', 'Insolvency'],
  ['employment', 'unfair_dismissal', 'Unfair dismissal'],
  ['employment', 'unpaid_wages', 'Unpaid wages'],
  ['employment', 'discrimination', 'Discrimination'],
  ['employment', 'redundancy', 'Redundancy'],
  ['immigration', 'leave_to_remain', 'Leave to remain'],
  ['immigration', 'asylum_support', 'Asylum support'],
  ['immigration', 'family_reunion', 'Family reunion'],
  ['immigration', 'eu_settlement', 'EU Settlement Scheme'],
  ['community_care', 'needs_assessment', 'Needs assessment'],
  ['community_care', 'care_package', 'Care package'],
  ['community_care', 'nrpf_support', 'No recourse to public funds support'],
  ['community_care', 'carers_support', "Carers' support"],
];

export class Subcategories1764820000000 implements MigrationInterface {
  name = 'Subcategories1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subcategories (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category IN ('housing', 'welfare_benefits', 'debt', 'employment', 'immigration', 'community_care')),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        position smallint NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (organisation_id, category, key)
      )`);
    const shipped = JSON.stringify(
      SHIPPED.map(([category, key, label], position) => ({ category, key, label, position })),
    );
    // IN rather than a correlated EXISTS: on a Citus cluster organisations is a reference table, beside
    // which Citus refuses a correlated subquery (citus-upgrade.citus.spec); the same rows on one server.
    await q.query(
      `INSERT INTO subcategories (organisation_id, category, key, label, position)
       SELECT o.id, s.category, s.key, s.label, s.position
         FROM organisations o CROSS JOIN json_to_recordset($1::json) AS s(category text, key text, label text, position int)
        WHERE o.id IN (SELECT c.organisation_id FROM cases c)`,
      [shipped],
    );
    // Values typed before the list: each becomes an entry of its case's category, labelled as typed.
    await q.query(`
      INSERT INTO subcategories (organisation_id, category, key, label, position)
      SELECT DISTINCT c.organisation_id, c.category, c.subcategory, left(c.subcategory, 100), 1000
        FROM cases c
       WHERE c.subcategory IS NOT NULL AND c.subcategory <> ''
      ON CONFLICT DO NOTHING`);
    await q.query(`SELECT deepvalue_distribute()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subcategories`);
  }
}
