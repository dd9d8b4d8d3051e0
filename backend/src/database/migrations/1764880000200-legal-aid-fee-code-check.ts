/**
 * A fee code is at most 10 letters or digits (the claim schema's fee_code), like the other legal aid
 * codes: the column then holds no typed text, which erasure relies on (erasure-free-text.e2e).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LegalAidFeeCodeCheck1764880000200 implements MigrationInterface {
  name = 'LegalAidFeeCodeCheck1764880000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_legal_aid ADD CONSTRAINT case_legal_aid_fee_code_check CHECK (length(fee_code) <= 10)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_legal_aid DROP CONSTRAINT case_legal_aid_fee_code_check`);
  }
}
