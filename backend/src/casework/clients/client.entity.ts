import type { ContactChannel, Vulnerability } from '@deepvalue/shared';
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
  // Contact safety (contact-safety.ts): true safe, false not safe, null not asked.
  @Column('boolean', { name: 'safe_by_phone', nullable: true }) safeByPhone: boolean | null;
  @Column('boolean', { name: 'safe_by_text', nullable: true }) safeByText: boolean | null;
  @Column('boolean', { name: 'safe_by_voicemail', nullable: true }) safeByVoicemail: boolean | null;
  @Column('boolean', { name: 'safe_by_email', nullable: true }) safeByEmail: boolean | null;
  @Column('boolean', { name: 'safe_by_letter', nullable: true }) safeByLetter: boolean | null;
  @Column('boolean', { name: 'safe_by_visit', nullable: true }) safeByVisit: boolean | null;
  @Column('text', { name: 'preferred_channel', nullable: true }) preferredChannel: ContactChannel | null;
  @Column('text', { name: 'contact_note', nullable: true }) contactNote: string | null;
  @Column('text', { name: 'interpreter_language', nullable: true }) interpreterLanguage: string | null;
  @Column('boolean') bsl: boolean;
  @Column('boolean', { name: 'large_print' }) largePrint: boolean;
  @Column('text', { name: 'other_adaptations', nullable: true }) otherAdaptations: string | null;
  // Equality monitoring (legal-aid/legal-aid-checks.ts): a code of the lists; null not asked.
  @Column('text', { name: 'equality_gender', nullable: true }) equalityGender: string | null;
  @Column('text', { name: 'equality_ethnicity', nullable: true }) equalityEthnicity: string | null;
  @Column('text', { name: 'equality_disability', nullable: true }) equalityDisability: string | null;
}
