/** A legal aid case's fee code (FEE_CODE of the LAA bulk load; backend/data/legal-aid/fee-codes.json). */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LegalAidFeeCode1764880000000 implements MigrationInterface {
  name = 'LegalAidFeeCode1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_legal_aid ADD COLUMN fee_code text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_legal_aid DROP COLUMN fee_code`);
  }
}
