import { ApiProperty } from '@nestjs/swagger';
import {
  ARRIVAL_ROUTES,
  type ArrivalRoute,
  CASE_STATUSES,
  type CaseStatus,
  CATEGORIES,
  type Category,
  EARLIEST_CASE_DATE,
  FUNDING_STREAMS,
  type FundingStream,
  type CaseRecord,
  type CaseListItem,
  type Page,
} from '@deepvalue/shared';
import { PageMeta, PageQuery } from '../page.js';
import {
  CrossField,
  DateField,
  EnumField,
  IntField,
  NestedObject,
  QueryBool,
  TextField,
  UuidField,
  VersionField,
} from '../../common/fields.js';
import { ConflictDecisionDto } from '../conflicts/conflict-check.dto.js';
import type { CaseEntity } from './case.entity.js';

const bounce = (description: string) => IntField({ optional: true, nullable: true, min: 0, max: 100, description });

export class ArrivalDto {
  @EnumField(ARRIVAL_ROUTES) route: ArrivalRoute;
  @UuidField({ optional: true, nullable: true, description: 'The partner that referred the client.' })
  @CrossField<ArrivalDto>((a) => {
    const given = a.referrerPartnerId !== undefined && a.referrerPartnerId !== null;
    if (a.route === 'referred' && !given) return 'is required when route is "referred"';
    if (a.route === 'self' && given) return 'must be left out when route is "self"';
    return undefined;
  })
  referrerPartnerId?: string | null;
}

const confidenceAtIntake = () =>
  IntField({
    optional: true,
    nullable: true,
    min: 1,
    max: 5,
    description:
      "The client's confidence dealing with problems like this, 1 (not at all) to 5 (very), asked at intake. Change in confidence counts from it; the close-time 'before' answer is used only when it is not recorded.",
  });

const subcategory = () => TextField({ optional: true, nullable: true, max: 100 });
const officeId = () => UuidField({ optional: true, nullable: true });
const firstContactOn = () =>
  DateField({
    optional: true,
    nullable: true,
    notBefore: EARLIEST_CASE_DATE,
    notFuture: true,
    description:
      "The client's first contact with the organisation about this problem (on or before openedOn); defaults to openedOn. First-contact latency counts from it.",
  });

export class CreateCaseDto {
  @TextField({ optional: true, min: 1, max: 100, description: 'Your reference; generated when left out.' })
  ref?: string;
  @UuidField() clientId: string;
  @officeId() officeId?: string | null;
  @EnumField(CATEGORIES, { description: 'Category of the presenting problem.' }) category: Category;
  @subcategory() subcategory?: string | null;
  @DateField({ optional: true, notBefore: EARLIEST_CASE_DATE, notFuture: true, description: 'Defaults to today.' })
  openedOn?: string;
  @firstContactOn() firstContactOn?: string | null;
  @UuidField({ optional: true, description: 'Defaults to you.' }) leadAdviserId?: string;
  @EnumField(FUNDING_STREAMS) fundingStream: FundingStream;
  @NestedObject(() => ArrivalDto, { description: 'How the client arrived.' }) arrival: ArrivalDto;
  @bounce('Other organisations contacted about this problem before this case.')
  priorOrganisationsContacted?: number | null;
  @bounce('How many times the client told their story before reaching you.')
  timesToldStoryBefore?: number | null;
  @confidenceAtIntake() confidenceAtIntake?: number | null;
  @NestedObject(() => ConflictDecisionDto, {
    optional: true,
    description:
      "The conflict check of the client: the client's name, date of birth and postcode are searched as the case is opened, and the decision is stored on the case.",
  })
  conflictCheck?: ConflictDecisionDto;
}

export class UpdateCaseDto {
  @VersionField() version: number;
  @TextField({ optional: true, min: 1, max: 100 }) ref?: string;
  @officeId() officeId?: string | null;
  @EnumField(CATEGORIES, { optional: true }) category?: Category;
  @subcategory() subcategory?: string | null;
  @DateField({ optional: true, notBefore: EARLIEST_CASE_DATE, notFuture: true }) openedOn?: string;
  @firstContactOn() firstContactOn?: string | null;
  @UuidField({
    optional: true,
    description:
      'Refused (422): the lead adviser changes only by POST /api/cases/{id}/reassign, which audits the handover.',
  })
  leadAdviserId?: string;
  @EnumField(FUNDING_STREAMS, { optional: true }) fundingStream?: FundingStream;
  @NestedObject(() => ArrivalDto, { optional: true }) arrival?: ArrivalDto;
  @bounce('') priorOrganisationsContacted?: number | null;
  @bounce('') timesToldStoryBefore?: number | null;
  @confidenceAtIntake() confidenceAtIntake?: number | null;
}

export class ListCasesQuery extends PageQuery {
  @EnumField(CASE_STATUSES, { optional: true }) status?: CaseStatus;
  @QueryBool({ description: 'Only cases you lead.' }) mine?: boolean;
  @QueryBool({ description: 'Closed at least 5 months ago with no follow-up yet.' }) dueFollowUp?: boolean;
}

export class ArrivalViewDto {
  @ApiProperty({ enum: ARRIVAL_ROUTES }) route: ArrivalRoute;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) referrerPartnerId: string | null;
}

export class CaseDto implements CaseRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) officeId: string | null;
  @ApiProperty({ enum: CATEGORIES }) category: Category;
  @ApiProperty({ type: String, nullable: true }) subcategory: string | null;
  @ApiProperty({ format: 'date' }) openedOn: string;
  @ApiProperty({ format: 'date', description: "The client's first contact (openedOn unless recorded)." })
  firstContactOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) closedOn: string | null;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ format: 'uuid' }) leadAdviserId: string;
  @ApiProperty({ enum: FUNDING_STREAMS }) fundingStream: FundingStream;
  @ApiProperty({ type: ArrivalViewDto }) arrival: ArrivalViewDto;
  @ApiProperty({ type: Number, nullable: true }) priorOrganisationsContacted: number | null;
  @ApiProperty({ type: Number, nullable: true }) timesToldStoryBefore: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "The client's confidence (1–5) asked at intake." })
  confidenceAtIntake: number | null;
  @ApiProperty() version: number;
}

export function toCaseDto(c: CaseEntity): CaseDto {
  return {
    id: c.id,
    ref: c.ref,
    clientId: c.clientId,
    officeId: c.officeId,
    category: c.category,
    subcategory: c.subcategory,
    openedOn: c.openedOn,
    firstContactOn: c.firstContactOn ?? c.openedOn,
    closedOn: c.closedOn,
    status: c.closedOn ? 'closed' : 'open',
    leadAdviserId: c.leadAdviserId,
    fundingStream: c.fundingStream,
    arrival: { route: c.arrivalRoute, referrerPartnerId: c.referrerPartnerId },
    priorOrganisationsContacted: c.priorOrganisationsContacted,
    timesToldStoryBefore: c.timesToldStoryBefore,
    confidenceAtIntake: c.confidenceAtIntake,
    version: c.version,
  };
}

export class CaseListItemDto implements CaseListItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ description: "The client's name, or their ref when no name is recorded." }) clientName: string;
  @ApiProperty({ enum: CATEGORIES }) category: Category;
  @ApiProperty({ type: String, nullable: true }) subcategory: string | null;
  @ApiProperty({ format: 'date' }) openedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) closedOn: string | null;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ format: 'uuid' }) leadAdviserId: string;
  @ApiProperty() leadAdviserName: string;
  @ApiProperty() version: number;
}

export class CasePageDto extends PageMeta implements Page<CaseListItem> {
  @ApiProperty({ type: [CaseListItemDto] }) items: CaseListItemDto[];
}
