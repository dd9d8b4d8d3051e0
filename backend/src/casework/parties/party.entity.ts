import type { OpponentType, PartyKind, PartyRole } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** A person or organisation involved in a case other than the client. */
@Entity('case_parties')
export class PartyEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') role: PartyRole;
  @Column('text', { name: 'opponent_type', nullable: true }) opponentType: OpponentType | null;
  @Column('text') kind: PartyKind;
  @Column('text') name: string;
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('text', { name: 'postcode_district', nullable: true }) postcodeDistrict: string | null;
  @Column('text', { nullable: true }) contact: string | null;
  @Column('text', { nullable: true }) reference: string | null;
  @Column('text', { nullable: true }) relationship: string | null;
  @Column('text', { name: 'pass_phrase', nullable: true }) passPhrase: string | null;
  @Column('text', { nullable: true }) language: string | null;
  @Column('text', { nullable: true }) note: string | null;
}
