import type { KeyDateChange, KeyDateKind } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** A limitation date, hearing, deadline or task on a case, as it now stands. */
@Entity('key_dates')
export class KeyDateEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') kind: KeyDateKind;
  @Column('text') title: string;
  @Column('date', { name: 'due_on' }) dueOn: string;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('date', { name: 'done_on', nullable: true }) doneOn: string | null;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { name: 'created_by_id' }) createdById: string;
}

/** One change to a key date: what it said after the change (or when removed), who and when. */
@Entity('key_date_changes')
export class KeyDateChangeEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'key_date_id' }) keyDateId: string;
  @Column('text') change: KeyDateChange;
  @Column('text') kind: KeyDateKind;
  @Column('text') title: string;
  @Column('date', { name: 'due_on' }) dueOn: string;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('date', { name: 'done_on', nullable: true }) doneOn: string | null;
  @Column('text', { name: 'previous_title', nullable: true }) previousTitle: string | null;
  @Column('date', { name: 'previous_due_on', nullable: true }) previousDueOn: string | null;
  @Column('uuid', { name: 'changed_by_id' }) changedById: string;
  @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
}
