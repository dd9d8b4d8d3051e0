import type { ReferralDirection, ReferralKind } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

@Entity('referrals')
export class ReferralEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') direction: ReferralDirection;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('date') on: string;
  @Column('text') kind: ReferralKind;
  @Column('boolean', { name: 'reached_support', nullable: true }) reachedSupport: boolean | null;
  @Column('text', { nullable: true }) note: string | null;
}
