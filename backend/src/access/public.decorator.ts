import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'deepvalue:public';
/** Marks a route that needs no sign-in (health, sign-in, the client feedback link). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
