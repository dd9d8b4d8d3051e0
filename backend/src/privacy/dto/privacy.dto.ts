import { ApiProperty } from '@nestjs/swagger';
import type { ErasedClient } from '../erasure.service.js';

export class ErasedClientDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The random pseudonym that replaced the reference' }) ref: string;
  @ApiProperty() erasedAt: string;
}

export function toErasedClientDto(erased: ErasedClient): ErasedClientDto {
  return { id: erased.id, ref: erased.ref, erasedAt: erased.erasedAt.toISOString() };
}
