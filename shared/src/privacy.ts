/** What erasure does to a kind of record: removes it, empties its typed text, or keeps it without the client's name. */
export const ERASURE_FATES = ['deleted', 'text_cleared', 'kept_anonymous'] as const;
export type ErasureFate = (typeof ERASURE_FATES)[number];

/** What is held about one client, for the subject access and erasure screens (GET /api/clients/:id/privacy). */
export interface PrivacySummary {
  client: {
    id: string;
    ref: string;
    firstName: string | null;
    lastName: string | null;
    dateOfBirth: string | null;
    postcodeDistrict: string | null;
    erasedAt: string | null;
  };
  cases: Array<{ id: string; ref: string; openedOn: string; closedOn: string | null }>;
  /** Each kind of record under the client's cases, keyed as in the subject access export. */
  records: Array<{ key: string; count: number; onErasure: ErasureFate }>;
}
