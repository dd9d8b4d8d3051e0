import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'deepvalue:public';
/** Marks a route that needs no sign-in (health, sign-in, the client feedback link). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ALLOWED_DURING_ENROLMENT = 'deepvalue:allowed-during-enrolment';
/**
 * Marks a route that still works while a user who must set up two-factor has not yet done so
 * (who am I, two-factor setup, sign out). Every other route refuses them.
 */
export const AllowedDuringEnrolment = () => SetMetadata(ALLOWED_DURING_ENROLMENT, true);
