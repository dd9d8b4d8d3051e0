import type { Role } from '@deepvalue/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('text', { nullable: true }) ref: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text') name: string;
  @Column('text') role: Role;
  @Column('uuid', { name: 'office_id', nullable: true }) officeId: string | null;
  @Column('text', { name: 'password_hash', nullable: true, select: false }) passwordHash: string | null;
  @Column('text', { name: 'totp_secret', nullable: true, select: false }) totpSecret: string | null;
  @Column('boolean', { name: 'totp_enabled' }) totpEnabled: boolean;
  @Column('boolean') active: boolean;
  @Column('timestamptz', { name: 'last_sign_in_at', nullable: true }) lastSignInAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
