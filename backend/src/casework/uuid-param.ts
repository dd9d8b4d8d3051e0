import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalid } from '../common/domain-error.js';

/** A uuid path parameter; anything else is a 400 naming the parameter (never a database error). */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        invalid([{ path: name, message: 'must be a UUID, e.g. 0b7e4a52-6f0c-4a7e-9d3b-2f1c8e5a9d10' }]),
    }),
  );
