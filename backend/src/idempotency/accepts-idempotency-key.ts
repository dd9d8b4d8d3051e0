import { ApiHeader } from '@nestjs/swagger';

/** Documents the Idempotency-Key header on a POST (the interceptor applies to every POST). */
export const AcceptsIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A unique key (e.g. a UUID) per submission. A retry with the same key and body gets the first response and records nothing twice; the same key with another body gets 422.',
  });
