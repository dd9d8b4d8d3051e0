import type { Vulnerability } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

@Entity('clients')
export class ClientEntity extends TenantEntity {
  @Column('text') ref: string;
  @Column('text', { name: 'first_name', nullable: true }) firstName: string | null;
  @Column('text', { name: 'last_name', nullable: true }) lastName: string | null;
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('text', { name: 'postcode_district', nullable: true }) postcodeDistrict: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { array: true }) vulnerabilities: Vulnerability[];
  @Column('boolean', { name: 'evidence_consent' }) evidenceConsent: boolean;
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt: Date | null;
}
