import type { Disclosure } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** The adviser's own assessment of the relationship: one per case. */
@Entity('adviser_assessments')
export class AssessmentEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('smallint', { nullable: true }) trust: number | null;
  @Column('text', { nullable: true }) disclosure: Disclosure | null;
}
