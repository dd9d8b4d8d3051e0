import type { ArrivalRoute, Category, FundingStream } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

@Entity('cases')
export class CaseEntity extends TenantEntity {
  @Column('text') ref: string;
  @Column('uuid', { name: 'client_id' }) clientId: string;
  @Column('uuid', { name: 'office_id', nullable: true }) officeId: string | null;
  @Column('text') category: Category;
  @Column('text', { nullable: true }) subcategory: string | null;
  @Column('date', { name: 'opened_on' }) openedOn: string;
  /** The client's first contact with the organisation about this problem; null: the day the case was opened. */
  @Column('date', { name: 'first_contact_on', nullable: true }) firstContactOn: string | null;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn: string | null;
  @Column('uuid', { name: 'lead_adviser_id' }) leadAdviserId: string;
  @Column('text', { name: 'funding_stream' }) fundingStream: FundingStream;
  @Column('text', { name: 'arrival_route' }) arrivalRoute: ArrivalRoute;
  @Column('uuid', { name: 'referrer_partner_id', nullable: true }) referrerPartnerId: string | null;
  @Column('smallint', { name: 'prior_organisations_contacted', nullable: true }) priorOrganisationsContacted:
    number | null;
  @Column('smallint', { name: 'times_told_story_before', nullable: true }) timesToldStoryBefore: number | null;
  /** The client's confidence dealing with problems like this, 1–5, asked at intake; null: not asked. */
  @Column('smallint', { name: 'confidence_at_intake', nullable: true }) confidenceAtIntake: number | null;
}
