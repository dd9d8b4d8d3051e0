import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export interface OrganisationSettings {
  /** Counts below this are suppressed in evidence packs (default 5). */
  suppressionThreshold?: number;
  /** Closed cases are anonymised this many years after closing (default 6). */
  retentionYears?: number;
  /** Managers and admins must use two-factor sign-in. */
  requireTwoFactorForManagers?: boolean;
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
