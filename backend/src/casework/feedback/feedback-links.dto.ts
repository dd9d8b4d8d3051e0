import type { FeedbackForm, FeedbackLink } from '@deepvalue/shared';
import { ApiProperty } from '@nestjs/swagger';
import { FeedbackItemDto } from '../directory/directory.dto.js';
import { TextField } from '../../common/fields.js';
import { ScoreMapField } from './score-map.js';

export class TokenParam {
  @TextField({ min: 20, max: 64, pattern: /^[A-Za-z0-9_-]+$/, patternMessage: 'is not a feedback link' }) token: string;
}

export class ClientFeedbackDto {
  @ScoreMapField() items: Record<string, number>;
  @TextField({ optional: true, nullable: true, max: 5000, description: 'Anything else the client wants to say.' })
  comment?: string | null;
}

export class FeedbackLinkResponse implements FeedbackLink {
  @ApiProperty() token: string;
  @ApiProperty({ example: '/feedback/…' }) path: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class FeedbackFormResponse implements FeedbackForm {
  @ApiProperty() organisationName: string;
  @ApiProperty({ type: [FeedbackItemDto] }) items: FeedbackItemDto[];
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
