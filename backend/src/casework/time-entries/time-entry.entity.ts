import type { Activity, Mode, TimeClass } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

@Entity('time_entries')
export class TimeEntryEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'adviser_id' }) adviserId: string;
  @Column('date') on: string;
  @Column('integer') minutes: number;
  @Column('text') class: TimeClass;
  @Column('text') activity: Activity;
  @Column('text') mode: Mode;
  @Column('text', { nullable: true }) note: string | null;
}
