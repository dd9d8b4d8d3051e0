import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation's client feedback item; without any, the default items apply (docs/measures.md, RQI). */
@Entity('feedback_items')
export class FeedbackItemEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId: string;
  @PrimaryColumn('text') key: string;
  @Column('text') label: string;
  @Column('smallint') position: number;
  @Column('boolean') active: boolean;
}
