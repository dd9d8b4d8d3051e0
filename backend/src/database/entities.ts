/** Every TypeORM entity. A new entity is added here. */
import { UserEntity } from '../access/user.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

export const ENTITIES = [OrganisationEntity, UserEntity];
