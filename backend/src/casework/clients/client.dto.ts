import { ApiProperty } from '@nestjs/swagger';
import {
  EARLIEST_BIRTH_DATE,
  VULNERABILITIES,
  type Vulnerability,
  type Client,
  type ClientSummary,
  type Page,
} from '@deepvalue/shared';
import { Transform } from 'class-transformer';
import { PageMeta, PageQuery } from '../page.js';
import { EqualityDto, toEqualityDto } from '../../legal-aid/legal-aid.dto.js';
import { ContactSafetyDto, ContactSafetyReadDto, toContactSafetyDto } from './contact-safety.js';
import {
  BoolField,
  DateField,
  EnumListField,
  NestedObject,
  type Presence,
  TextField,
  VersionField,
} from '../../common/fields.js';
import type { ClientEntity } from './client.entity.js';

export const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

/** "sw1a " and "SW1A" are the same district; store it the way the reports group it. */
export const upperTrimmed = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

const names = (p: Presence) => TextField({ ...p, nullable: true, max: 100 });
/** A postcode district (E3, SW1A, M1): the only part of an address Deep Value keeps. */
export const PostcodeDistrictField = (p: Presence) =>
  TextField({
    ...p,
    max: 4,
    pattern: POSTCODE_DISTRICT,
    patternMessage: 'must be a postcode district such as E3, SW1A or M1',
  });
const district = (p: Presence) => PostcodeDistrictField({ ...p, nullable: true });

export class CreateClientDto {
  @TextField({ optional: true, min: 1, max: 100, description: 'Your reference; generated when left out.' })
  ref?: string;
  @names({ optional: true }) firstName?: string | null;
  @names({ optional: true }) lastName?: string | null;
  @DateField({ optional: true, nullable: true, notBefore: EARLIEST_BIRTH_DATE, notFuture: true })
  dateOfBirth?: string | null;
  @upperTrimmed() @district({ optional: true }) postcodeDistrict?: string | null;
  @TextField({ optional: true, nullable: true, max: 320 }) email?: string | null;
  @TextField({ optional: true, nullable: true, max: 40 }) phone?: string | null;
  @EnumListField(VULNERABILITIES, { optional: true }) vulnerabilities?: Vulnerability[];
  @BoolField({ optional: true, description: 'Consent to the use of their anonymised data in evidence.' })
  evidenceConsent?: boolean;
  @NestedObject(() => ContactSafetyDto, {
    optional: true,
    description: 'How the client may safely be contacted and the adaptations they need; replaced whole when given.',
  })
  contactSafety?: ContactSafetyDto;
}

export class UpdateClientDto extends CreateClientDto {
  @VersionField() version: number;
}

export class ListClientsQuery extends PageQuery {}

export class ClientDto implements Client {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty({ type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
  @ApiProperty({ type: String, nullable: true }) postcodeDistrict: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: VULNERABILITIES, isArray: true }) vulnerabilities: Vulnerability[];
  @ApiProperty() evidenceConsent: boolean;
  @ApiProperty({ type: ContactSafetyReadDto }) contactSafety: ContactSafetyReadDto;
  @ApiProperty({ type: EqualityDto, description: 'Equality monitoring answers (PUT /clients/{id}/equality).' })
  equality: EqualityDto;
  @ApiProperty({ description: 'Set when the personal details were erased.', type: String, nullable: true })
  erasedAt: string | null;
  @ApiProperty() version: number;
}

/** The few fields that let an adviser tell two clients apart. */
export class ClientSummaryDto implements ClientSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty({ type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
  @ApiProperty({ type: String, nullable: true }) postcodeDistrict: string | null;
}

export class CreatedClientDto extends ClientDto {
  @ApiProperty({
    type: [ClientSummaryDto],
    description: 'Existing clients with the same last name and date of birth, or the same names and postcode district.',
  })
  possibleDuplicates: ClientSummaryDto[];
}

export class ClientPageDto extends PageMeta implements Page<Client> {
  @ApiProperty({ type: [ClientDto] }) items: ClientDto[];
}

export function toClientDto(client: ClientEntity): ClientDto {
  return {
    id: client.id,
    ref: client.ref,
    firstName: client.firstName,
    lastName: client.lastName,
    dateOfBirth: client.dateOfBirth,
    postcodeDistrict: client.postcodeDistrict,
    email: client.email,
    phone: client.phone,
    vulnerabilities: client.vulnerabilities,
    evidenceConsent: client.evidenceConsent,
    contactSafety: toContactSafetyDto(client),
    equality: toEqualityDto(client),
    erasedAt: client.erasedAt?.toISOString() ?? null,
    version: client.version,
  };
}

export function toClientSummaryDto(client: ClientEntity): ClientSummaryDto {
  return {
    id: client.id,
    ref: client.ref,
    firstName: client.firstName,
    lastName: client.lastName,
    dateOfBirth: client.dateOfBirth,
    postcodeDistrict: client.postcodeDistrict,
  };
}
