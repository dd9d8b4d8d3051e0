import type { ConflictResult, ConflictSubject } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';
import type { PersonMatch } from './conflict-search.js';

/** What a conflict check searched, what it found (ids, never names) and what the adviser decided. */
@Entity('conflict_checks')
export class ConflictCheckEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') subject: ConflictSubject;
  @Column('uuid', { name: 'party_id', nullable: true }) partyId: string | null;
  @Column('text', { name: 'searched_name' }) searchedName: string;
  @Column('date', { name: 'searched_date_of_birth', nullable: true }) searchedDateOfBirth: string | null;
  @Column('text', { name: 'searched_postcode_district', nullable: true }) searchedPostcodeDistrict: string | null;
  @Column('jsonb') matches: PersonMatch[];
  @Column('text') result: ConflictResult;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('uuid', { name: 'checked_by_id' }) checkedById: string;
}
