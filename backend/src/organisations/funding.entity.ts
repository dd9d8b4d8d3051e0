import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Funding an organisation received for a period (migration 1764600000000; docs/decisions.md, "Funding per period"). */
@Entity('organisation_funding')
export class OrganisationFundingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('date', { name: 'period_from' }) periodFrom: string;
  @Column('date', { name: 'period_to' }) periodTo: string;
  /** numeric(14,2): pg returns it as a string, kept exact. */
  @Column('numeric', { name: 'amount_gbp', precision: 14, scale: 2 }) amountGbp: string;
  @Column('text') funder: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}
