import type { FeedbackItem, Office, Page, Partner } from '@deepvalue/shared';
import { ApiProperty } from '@nestjs/swagger';
import { PageMeta, PageQuery } from '../page.js';
import { NestedList, TextField, VersionField } from '../../common/fields.js';
import type { FeedbackItemEntity } from './feedback-item.entity.js';
import type { OfficeEntity } from './office.entity.js';
import type { PartnerEntity } from './partner.entity.js';

const ref = () =>
  TextField({ optional: true, min: 1, max: 100, description: 'Your reference; generated when left out.' });

export class CreateOfficeDto {
  @ref() ref?: string;
  @TextField({ min: 1, max: 200 }) name: string;
}

export class OfficeDto implements Office {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty() name: string;
  @ApiProperty() version: number;
}

export function toOfficeDto(office: OfficeEntity): OfficeDto {
  return { id: office.id, ref: office.ref, name: office.name, version: office.version };
}

export class CreatePartnerDto {
  @ref() ref?: string;
  @TextField({ min: 1, max: 200 }) name: string;
  @TextField({ optional: true, nullable: true, max: 500, description: 'What the partner offers.' })
  service?: string | null;
  @TextField({ optional: true, nullable: true, max: 500, description: 'How to reach them for a referral.' })
  contact?: string | null;
}

export class UpdatePartnerDto {
  @VersionField() version: number;
  @TextField({ optional: true, min: 1, max: 100 }) ref?: string;
  @TextField({ optional: true, min: 1, max: 200 }) name?: string;
  @TextField({ optional: true, nullable: true, max: 500 }) service?: string | null;
  @TextField({ optional: true, nullable: true, max: 500 }) contact?: string | null;
}

export class ListPartnersQuery extends PageQuery {}

export class PartnerDto implements Partner {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) service: string | null;
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty() version: number;
}

export class PartnerPageDto extends PageMeta implements Page<Partner> {
  @ApiProperty({ type: [PartnerDto] }) items: PartnerDto[];
}

export function toPartnerDto(partner: PartnerEntity): PartnerDto {
  return {
    id: partner.id,
    ref: partner.ref,
    name: partner.name,
    service: partner.service,
    contact: partner.contact,
    version: partner.version,
  };
}

export class FeedbackItemDto implements FeedbackItem {
  @ApiProperty({ example: 'time_to_listen' }) key: string;
  @ApiProperty({ example: 'Had time to listen to me' }) label: string;
}

export function toFeedbackItemDto(item: Pick<FeedbackItemEntity, 'key' | 'label'>): FeedbackItemDto {
  return { key: item.key, label: item.label };
}

export class FeedbackItemInput {
  @TextField({
    max: 50,
    min: 1,
    pattern: /^[a-z][a-z0-9_]{0,49}$/,
    patternMessage: 'must be lower-case letters, digits and _ , starting with a letter',
  })
  key: string;
  @TextField({ max: 200, min: 1 }) label: string;
}

/** The whole item set, in order. Items left out are retired (kept for past feedback), not deleted. */
export class SetFeedbackItemsDto {
  @NestedList(() => FeedbackItemInput, { max: 20 }) items: FeedbackItemInput[];
}
