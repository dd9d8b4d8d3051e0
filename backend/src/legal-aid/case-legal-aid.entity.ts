import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../casework/tenant-entity.js';

/** numeric(12, 2) arrives from pg as text; pounds never exceed 2^53 pence, so a number is exact enough. */
const pounds = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A legally aided case's LAA details (migration 1764420000000); one per case. */
@Entity('case_legal_aid')
export class CaseLegalAidEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text', { name: 'category_of_law' }) categoryOfLaw: string;
  /** Null only once the client was erased. */
  @Column('text', { nullable: true }) ufn: string | null;
  @Column('text', { name: 'matter_type_1', nullable: true }) matterType1: string | null;
  @Column('text', { name: 'matter_type_2', nullable: true }) matterType2: string | null;
  @Column('text', { name: 'stage_reached', nullable: true }) stageReached: string | null;
  @Column('text', { name: 'outcome_code', nullable: true }) outcomeCode: string | null;
  @Column('text', { name: 'fee_code', nullable: true }) feeCode: string | null;
  @Column('text', { name: 'exemption_criteria', nullable: true }) exemptionCriteria: string | null;
  @Column('text', { name: 'access_point', nullable: true }) accessPoint: string | null;
  @Column('text', { name: 'procurement_area', nullable: true }) procurementArea: string | null;
  @Column('text', { name: 'client_postcode', nullable: true }) clientPostcode: string | null;
  @Column('numeric', { name: 'disbursements_gbp', precision: 12, scale: 2, nullable: true, transformer: pounds })
  disbursementsGbp: number | null;
  @Column('numeric', { name: 'disbursements_vat_gbp', precision: 12, scale: 2, nullable: true, transformer: pounds })
  disbursementsVatGbp: number | null;
  @Column('numeric', { name: 'counsel_costs_gbp', precision: 12, scale: 2, nullable: true, transformer: pounds })
  counselCostsGbp: number | null;
}
