import { SetMetadata } from '@nestjs/common';

export const AUDITED = 'deepvalue:audited';

/**
 * Audits a route that shows client data but whose path does not say so (e.g. a report drill-down
 * listing cases): reads record the ids returned. Routes under /clients, /cases, … need nothing.
 */
export const Audited = (entity: string) => SetMetadata(AUDITED, entity);

/** The route records its own, more precise audit entry (e.g. subject access, erasure). */
export const AuditedByService = () => SetMetadata(AUDITED, false);
