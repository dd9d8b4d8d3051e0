import { Module } from '@nestjs/common';
import { AssessmentsController } from './assessments/assessments.controller.js';
import { AssessmentsService } from './assessments/assessments.service.js';
import { CaseClosureService } from './cases/case-closure.service.js';
import { CasesController } from './cases/cases.controller.js';
import { CasesService } from './cases/cases.service.js';
import { ClientsController } from './clients/clients.controller.js';
import { ClientsService } from './clients/clients.service.js';
import { DocumentsController } from './documents/documents.controller.js';
import { DocumentsService } from './documents/documents.service.js';
import { LettersController } from './letters/letters.controller.js';
import { LettersService } from './letters/letters.service.js';
import { SupervisionController } from './supervision/supervision.controller.js';
import { SupervisionService } from './supervision/supervision.service.js';
import { DirectoryController } from './directory/directory.controller.js';
import { DirectoryService } from './directory/directory.service.js';
import { SubcategoriesController } from './subcategories/subcategories.controller.js';
import { SubcategoriesService } from './subcategories/subcategories.service.js';
import { FeedbackController } from './feedback/feedback.controller.js';
import { FeedbackLinksController } from './feedback/feedback-links.controller.js';
import { FeedbackLinksService } from './feedback/feedback-links.service.js';
import { FeedbackService } from './feedback/feedback.service.js';
import { FollowUpsController } from './follow-ups/follow-ups.controller.js';
import { FollowUpsService } from './follow-ups/follow-ups.service.js';
import { KeyDatesController } from './key-dates/key-dates.controller.js';
import { KeyDatesService } from './key-dates/key-dates.service.js';
import { NotesController } from './notes/notes.controller.js';
import { NotesService } from './notes/notes.service.js';
import { ConflictChecksController } from './conflicts/conflict-checks.controller.js';
import { ConflictChecksService } from './conflicts/conflict-checks.service.js';
import { PartiesController } from './parties/parties.controller.js';
import { PartiesService } from './parties/parties.service.js';
import { ProblemsController } from './problems/problems.controller.js';
import { ProblemsService } from './problems/problems.service.js';
import { ReferralsController } from './referrals/referrals.controller.js';
import { ReferralsService } from './referrals/referrals.service.js';
import { TimeEntriesController } from './time-entries/time-entries.controller.js';
import { TimeEntriesService } from './time-entries/time-entries.service.js';

/** Casework records: clients, cases and everything recorded on a case, plus the organisation's directory. */
@Module({
  controllers: [
    ClientsController,
    CasesController,
    TimeEntriesController,
    FeedbackController,
    FeedbackLinksController,
    AssessmentsController,
    ProblemsController,
    ReferralsController,
    FollowUpsController,
    NotesController,
    KeyDatesController,
    PartiesController,
    ConflictChecksController,
    DocumentsController,
    LettersController,
    SupervisionController,
    DirectoryController,
    SubcategoriesController,
  ],
  providers: [
    ClientsService,
    CasesService,
    CaseClosureService,
    TimeEntriesService,
    FeedbackService,
    FeedbackLinksService,
    AssessmentsService,
    ProblemsService,
    ReferralsService,
    FollowUpsService,
    NotesService,
    KeyDatesService,
    PartiesService,
    ConflictChecksService,
    DocumentsService,
    LettersService,
    SupervisionService,
    DirectoryService,
    SubcategoriesService,
  ],
  exports: [ClientsService, CasesService, DirectoryService, DocumentsService, SubcategoriesService],
})
export class CaseworkModule {}
