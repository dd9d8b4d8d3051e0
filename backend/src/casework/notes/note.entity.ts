import type { NoteKind } from '@deepvalue/shared';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../tenant-entity.js';

/** A note on a case as it now reads; every version is in case_note_revisions. */
@Entity('case_notes')
export class CaseNoteEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') kind: NoteKind;
  @Column('date') on: string;
  @Column('text') body: string;
  @Column('uuid', { name: 'time_entry_id', nullable: true }) timeEntryId: string | null;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('uuid', { name: 'edited_by_id', nullable: true }) editedById: string | null;
}

/** One version of a note: what it said, who wrote that version and when. */
@Entity('case_note_revisions')
export class CaseNoteRevisionEntity extends TenantEntity {
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'note_id' }) noteId: string;
  @Column('integer') revision: number;
  @Column('text') kind: NoteKind;
  @Column('date') on: string;
  @Column('text') body: string;
  @Column('uuid', { name: 'time_entry_id', nullable: true }) timeEntryId: string | null;
  @Column('uuid', { name: 'written_by_id' }) writtenById: string;
  @Column('timestamptz', { name: 'written_at' }) writtenAt: Date;
}
