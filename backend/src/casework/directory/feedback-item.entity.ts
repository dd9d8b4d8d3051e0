import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation's client feedback item; without any, the defaults of the brief apply. */
@Entity('feedback_items')
export class FeedbackItemEntity {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId: string;
  @PrimaryColumn('text') key: string;
  @Column('text') label: string;
  @Column('smallint') position: number;
  @Column('boolean') active: boolean;
}
