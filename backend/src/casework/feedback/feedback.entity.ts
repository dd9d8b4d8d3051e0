import type { FeedbackSource } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** Client-reported feedback: item key → score 1–5 (the item set is per organisation). */
@Entity('feedback')
export class FeedbackEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('date') on: string;
  @Column('jsonb') items: Record<string, number>;
  @Column('text', { nullable: true }) comment: string | null;
  @Column('text') source: FeedbackSource;
}
