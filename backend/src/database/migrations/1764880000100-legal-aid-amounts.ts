/** A legal aid case's disbursements, their VAT and counsel's fees, for the contract report's claim columns. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['disbursements_gbp', 'disbursements_vat_gbp', 'counsel_costs_gbp'];

export class LegalAidAmounts1764880000100 implements MigrationInterface {
  name = 'LegalAidAmounts1764880000100';

  async up(q: QueryRunner): Promise<void> {
    for (const column of COLUMNS)
      await q.query(
        `ALTER TABLE case_legal_aid ADD COLUMN ${column} numeric(12, 2) CONSTRAINT case_legal_aid_${column}_check CHECK (${column} >= 0)`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of COLUMNS) await q.query(`ALTER TABLE case_legal_aid DROP COLUMN ${column}`);
  }
}
