import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** A partner organisation in the local referral network. */
@Entity('partners')
export class PartnerEntity extends TenantEntity {
  @Column('text') ref: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) service: string | null;
  @Column('text', { nullable: true }) contact: string | null;
}
