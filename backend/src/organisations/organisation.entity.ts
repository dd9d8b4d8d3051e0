import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export interface OrganisationSettings {
  /** Counts below this are suppressed in evidence packs (default 5). */
  suppressionThreshold?: number;
  /** Closed cases are anonymised this many years after closing (default 6). */
  retentionYears?: number;
  /** Managers and admins must use two-factor sign-in. */
  requireTwoFactorForManagers?: boolean;
  /** The LAA office account number the monthly contract report is made for (e.g. 0U099L); null: none. */
  legalAidOfficeAccount?: string | null;
  /** The LAA schedule reference of the contract (e.g. 0U099L/2024/01); null: none. */
  legalAidScheduleRef?: string | null;
  /** Legal Help hourly rates the contract report prices recorded time at (£ per hour); null: not entered. */
  legalAidHourlyRateGbp?: number | null;
  legalAidTravelRateGbp?: number | null;
  /** Whether VAT applies to the organisation's claims (VAT_INDICATOR); null: not said. */
  legalAidVatRegistered?: boolean | null;
}

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') ref: string;
  @Column('text') name: string;
  @Column('text') kind: 'provider' | 'commissioner';
  @Column('jsonb') settings: OrganisationSettings;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
