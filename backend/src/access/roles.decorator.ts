import { SetMetadata } from '@nestjs/common';
import type { Role } from '@deepvalue/shared';

export const ROLES_KEY = 'deepvalue:roles';
/** Roles allowed on a route or controller. A route without @Roles is open to every signed-in role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Roles that may see client and case rows. Commissioners never may. */
export const CASEWORK_ROLES: Role[] = ['adviser', 'manager', 'admin'];
