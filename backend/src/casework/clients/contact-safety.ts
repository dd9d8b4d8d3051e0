/**
 * How a client may safely be contacted, and the adaptations they need. Held on the client row;
 * the API reads and writes it as one `contactSafety` object, replaced whole when given.
 */
import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_CHANNELS, type ContactChannel, MAX_CONTACT_NOTE_LENGTH, type ContactSafety } from '@deepvalue/shared';
import { BoolField, CrossField, EnumField, NestedObject, TextField } from '../../common/fields.js';
import type { ClientEntity } from './client.entity.js';

const safe = (channel: string) =>
  BoolField({
    optional: true,
    nullable: true,
    description: `true: safe to contact by ${channel}; false: not safe; null or left out: not asked.`,
  });

/** Per channel: true safe, false not safe, null not asked. */
export class SafeByDto {
  @safe('phone call') phone?: boolean | null;
  @safe('text message') text?: boolean | null;
  @safe('voicemail') voicemail?: boolean | null;
  @safe('email') email?: boolean | null;
  @safe('letter') letter?: boolean | null;
  @safe('home visit') visit?: boolean | null;
}

export class ContactSafetyDto {
  @NestedObject(() => SafeByDto, { optional: true }) safeBy?: SafeByDto;
  @EnumField(CONTACT_CHANNELS, { optional: true, nullable: true })
  @CrossField<ContactSafetyDto>((d) =>
    d.preferredChannel && d.safeBy?.[d.preferredChannel] === false ? 'is marked not safe' : undefined,
  )
  preferredChannel?: ContactChannel | null;
  @TextField({ optional: true, nullable: true, max: MAX_CONTACT_NOTE_LENGTH, description: 'e.g. only after 3pm.' })
  note?: string | null;
  @TextField({ optional: true, nullable: true, max: 100, description: 'The language, when an interpreter is needed.' })
  interpreterLanguage?: string | null;
  @BoolField({ optional: true, description: 'Needs a British Sign Language interpreter.' }) bsl?: boolean;
  @BoolField({ optional: true }) largePrint?: boolean;
  @TextField({ optional: true, nullable: true, max: 500 }) otherAdaptations?: string | null;
}

export class SafeByReadDto {
  @ApiProperty({ type: Boolean, nullable: true }) phone: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) text: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) voicemail: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) email: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) letter: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) visit: boolean | null;
}

export class ContactSafetyReadDto implements ContactSafety {
  @ApiProperty({ type: SafeByReadDto }) safeBy: SafeByReadDto;
  @ApiProperty({ enum: CONTACT_CHANNELS, nullable: true }) preferredChannel: ContactChannel | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) interpreterLanguage: string | null;
  @ApiProperty() bsl: boolean;
  @ApiProperty() largePrint: boolean;
  @ApiProperty({ type: String, nullable: true }) otherAdaptations: string | null;
}

type SafetyColumns = Pick<
  ClientEntity,
  | 'safeByPhone'
  | 'safeByText'
  | 'safeByVoicemail'
  | 'safeByEmail'
  | 'safeByLetter'
  | 'safeByVisit'
  | 'preferredChannel'
  | 'contactNote'
  | 'interpreterLanguage'
  | 'bsl'
  | 'largePrint'
  | 'otherAdaptations'
>;

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The columns for a contactSafety given in a request: what it leaves out is not asked / none. */
export function contactSafetyColumns(d: ContactSafetyDto): SafetyColumns {
  const s = d.safeBy ?? {};
  return {
    safeByPhone: s.phone ?? null,
    safeByText: s.text ?? null,
    safeByVoicemail: s.voicemail ?? null,
    safeByEmail: s.email ?? null,
    safeByLetter: s.letter ?? null,
    safeByVisit: s.visit ?? null,
    preferredChannel: d.preferredChannel ?? null,
    contactNote: blank(d.note),
    interpreterLanguage: blank(d.interpreterLanguage),
    bsl: d.bsl ?? false,
    largePrint: d.largePrint ?? false,
    otherAdaptations: blank(d.otherAdaptations),
  };
}

export function toContactSafetyDto(c: SafetyColumns): ContactSafetyReadDto {
  return {
    safeBy: {
      phone: c.safeByPhone,
      text: c.safeByText,
      voicemail: c.safeByVoicemail,
      email: c.safeByEmail,
      letter: c.safeByLetter,
      visit: c.safeByVisit,
    },
    preferredChannel: c.preferredChannel,
    note: c.contactNote,
    interpreterLanguage: c.interpreterLanguage,
    bsl: c.bsl,
    largePrint: c.largePrint,
    otherAdaptations: c.otherAdaptations,
  };
}
