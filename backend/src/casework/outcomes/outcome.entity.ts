import type { AppealNotPursuedReason, AppealStatus, BenefitType, OutcomeResult } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** The outcome recorded when a case is closed (one per case; reopening removes it). */
@Entity('outcomes')
export class OutcomeEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') result: OutcomeResult;
  @Column('smallint', { nullable: true }) understood: number | null;
  @Column('boolean', { nullable: true }) accepted: boolean | null;
  @Column('text', { nullable: true }) appeal: AppealStatus | null;
  @Column('text', { name: 'appeal_not_pursued_reason', nullable: true })
  appealNotPursuedReason: AppealNotPursuedReason | null;
  @Column('smallint', { name: 'confidence_before', nullable: true }) confidenceBefore: number | null;
  @Column('smallint', { name: 'confidence_after', nullable: true }) confidenceAfter: number | null;
  @Column('boolean', { name: 'would_seek_advice_earlier', nullable: true }) wouldSeekAdviceEarlier: boolean | null;
  @Column('boolean', { name: 'could_handle_similar', nullable: true }) couldHandleSimilar: boolean | null;
}

/** numeric(12, 2) arrives from pg as text; pounds never exceed 2^53 pence, so a number is exact enough. */
const pounds = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity('outcome_benefits')
export class OutcomeBenefitEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') type: BenefitType;
  @Column('numeric', { name: 'amount_gbp', precision: 12, scale: 2, nullable: true, transformer: pounds })
  amountGbp: number | null;
}
