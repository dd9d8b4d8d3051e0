/** Every migration, in order. A new migration is added here (TypeORM does not scan folders). */
import { CaseworkSchema1763900000000 } from './1763900000000-casework-schema.js';
import { PlatformSchema1763900000001 } from './1763900000001-platform-schema.js';
import { CaseFacts1763900000002 } from './1763900000002-case-facts.js';

export const MIGRATIONS = [CaseworkSchema1763900000000, PlatformSchema1763900000001, CaseFacts1763900000002];
