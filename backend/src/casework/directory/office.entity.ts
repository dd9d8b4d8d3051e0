import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

@Entity('offices')
export class OfficeEntity extends TenantEntity {
  @Column('text') ref: string;
  @Column('text') name: string;
}
