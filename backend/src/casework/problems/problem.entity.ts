import type { Category, OutcomeResult, ProblemAction } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** A problem uncovered beyond the presenting one. */
@Entity('underlying_problems')
export class ProblemEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') category: Category;
  @Column('text', { nullable: true }) description: string | null;
  @Column('date', { name: 'uncovered_on' }) uncoveredOn: string;
  @Column('text') action: ProblemAction;
  @Column('uuid', { name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column('boolean', { name: 'reached_support', nullable: true }) reachedSupport: boolean | null;
  @Column('text', { nullable: true }) result: OutcomeResult | null;
}
