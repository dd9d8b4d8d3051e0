import type { Recontact } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** Re-contact after closing: bounce-back when it is about the same problem within 6 months. */
@Entity('follow_ups')
export class FollowUpEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('date') on: string;
  @Column('text') recontact: Recontact;
  @Column('boolean', { name: 'outcome_sustained', nullable: true }) outcomeSustained: boolean | null;
}
