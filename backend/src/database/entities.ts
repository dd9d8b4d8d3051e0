/** Every TypeORM entity. A new entity is added here. */
import { UserEntity } from '../access/user.entity.js';
import { CASEWORK_ENTITIES } from '../casework/entities.js';
import { CaseLegalAidEntity } from '../legal-aid/case-legal-aid.entity.js';
import { OrganisationFundingEntity } from '../organisations/funding.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  ...CASEWORK_ENTITIES,
  CaseLegalAidEntity,
  OrganisationFundingEntity,
];
