/**
 * Records for the route fuzzer to aim at: a client, a case with a time entry, a problem, a
 * referral, a note and a party, a partner and an office, so fuzzed bodies on real ids reach validation beyond the id.
 */
export type Post = (path: string, body: object) => Promise<{ id: string }>;
/** Sends raw bytes (a document upload) as the adviser. */
export type Upload = (path: string, content: Buffer) => Promise<{ id: string }>;

/** The smallest file a PDF reader (and file-type) takes for a PDF. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface FuzzIds {
  clientId: string;
  caseId: string;
  timeEntryId: string;
  problemId: string;
  referralId: string;
  noteId: string;
  partyId: string;
  keyDateId: string;
  documentId: string;
  partnerId: string;
  userIds: string[];
}

/** `post` as an adviser; `managerPost` for the directory (partners, offices). */
export async function makeFuzzTargets(
  post: Post,
  managerPost: Post,
  userIds: string[],
  upload: Upload,
): Promise<FuzzIds> {
  const partner = await managerPost('/api/partners', { name: 'Fuzz Foodbank' });
  await managerPost('/api/offices', { name: 'Fuzz Office' });
  const client = await post('/api/clients', { firstName: 'Fuzz', lastName: 'Target', evidenceConsent: true });
  const kase = await post('/api/cases', {
    clientId: client.id,
    category: 'housing',
    openedOn: '2025-01-06',
    fundingStream: 'legal_aid_fixed_fee',
    arrival: { route: 'self' },
  });
  const entry = await post('/api/time-entries/quick', {
    caseId: kase.id,
    minutes: 30,
    class: 'relationship',
    activity: 'advice_session',
    mode: 'phone',
  });
  const problem = await post(`/api/cases/${kase.id}/problems`, {
    category: 'debt',
    uncoveredOn: '2025-01-10',
    action: 'handled_in_house',
  });
  const referral = await post(`/api/cases/${kase.id}/referrals`, {
    direction: 'out',
    partnerId: partner.id,
    on: '2025-01-11',
    kind: 'signpost',
  });
  const note = await post(`/api/cases/${kase.id}/notes`, {
    kind: 'attendance',
    body: 'Fuzz note',
    timeEntryId: entry.id,
  });
  const party = await post(`/api/cases/${kase.id}/parties`, {
    role: 'opponent',
    kind: 'organisation',
    name: 'Fuzz Homes',
  });
  const keyDate = await post(`/api/cases/${kase.id}/key-dates`, {
    kind: 'limitation',
    title: 'Fuzz limitation date',
    dueOn: '2026-01-10',
  });
  const document = await upload(`/api/cases/${kase.id}/documents?fileName=fuzz.pdf`, TINY_PDF);
  return {
    clientId: client.id,
    caseId: kase.id,
    timeEntryId: entry.id,
    problemId: problem.id,
    referralId: referral.id,
    noteId: note.id,
    partyId: party.id,
    keyDateId: keyDate.id,
    documentId: document.id,
    partnerId: partner.id,
    userIds,
  };
}

/** The real ids a route's path may carry. */
export function realIdsFor(ids: FuzzIds): (path: string) => string[] {
  return (path) => {
    if (path.startsWith('/api/clients/')) return [ids.clientId];
    if (path.startsWith('/api/cases/')) return [ids.caseId];
    if (path.startsWith('/api/time-entries/')) return [ids.timeEntryId];
    if (path.startsWith('/api/problems/')) return [ids.problemId];
    if (path.startsWith('/api/referrals/')) return [ids.referralId];
    if (path.startsWith('/api/notes/')) return [ids.noteId];
    if (path.startsWith('/api/parties/')) return [ids.partyId];
    if (path.startsWith('/api/key-dates/')) return [ids.keyDateId];
    if (path.startsWith('/api/documents/')) return [ids.documentId];
    if (path.startsWith('/api/partners/')) return [ids.partnerId];
    if (path.startsWith('/api/users/')) return ids.userIds;
    return [];
  };
}
