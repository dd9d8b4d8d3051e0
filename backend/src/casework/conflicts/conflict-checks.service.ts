import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { invalid, notFound } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import { CaseEntity } from '../cases/case.entity.js';
import { ClientEntity } from '../clients/client.entity.js';
import { PartyEntity } from '../parties/party.entity.js';
import { userNames } from '../user-names.js';
import { ConflictCheckEntity } from './conflict-check.entity.js';
import type {
  ConflictCheckDto,
  ConflictDecisionDto,
  ConflictMatchDto,
  ConflictSearchDto,
  ConflictSearchQuery,
  RecordConflictCheckDto,
} from './conflict-check.dto.js';
import { type PersonMatch, type PeopleSearch, searchPeople } from './conflict-search.js';

/** "First Last", or the client's reference when no name is held (an erased client reads as their pseudonym). */
const clientName = (c: { firstName: string | null; lastName: string | null; ref: string }) =>
  [c.firstName, c.lastName].filter(Boolean).join(' ') || c.ref;

interface Subject {
  caseId: string;
  /** The party checked; absent when the case's client is. */
  party?: PartyEntity;
}

@Injectable()
export class ConflictChecksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async search(organisationId: string, query: ConflictSearchQuery): Promise<ConflictSearchDto> {
    const m = this.uow.manager;
    return { items: await this.describe(m, organisationId, await searchPeople(m, organisationId, query)) };
  }

  /** POST /cases/:id/conflict-checks: a check of the case's client or one of its parties. */
  async recordFor(organisationId: string, userId: string, caseId: string, input: RecordConflictCheckDto) {
    return this.uow.transaction(async (m) => {
      let party: PartyEntity | undefined;
      if (input.subject === 'party') {
        party = (await m.findOneBy(PartyEntity, { organisationId, id: input.partyId!, caseId })) ?? undefined;
        if (!party) throw invalid([{ path: 'partyId', message: 'is not a party of this case' }]);
      }
      return this.record(m, organisationId, userId, { caseId, party }, input);
    });
  }

  /**
   * Runs the search for the subject as recorded (the case's client, or the party) and stores it with
   * the decision; the audit row names the result and what was found, never a name or the reason.
   */
  async record(
    m: EntityManager,
    organisationId: string,
    userId: string,
    subject: Subject,
    decision: ConflictDecisionDto,
  ): Promise<ConflictCheckDto> {
    const kase = await m.findOneBy(CaseEntity, { organisationId, id: subject.caseId });
    if (!kase) throw notFound('Case');
    let search: PeopleSearch;
    if (subject.party) {
      const p = subject.party;
      search = { name: p.name, dateOfBirth: p.dateOfBirth, postcodeDistrict: p.postcodeDistrict, exceptPartyId: p.id };
    } else {
      const client = await m.findOneByOrFail(ClientEntity, { organisationId, id: kase.clientId });
      search = {
        name: clientName(client),
        dateOfBirth: client.dateOfBirth,
        postcodeDistrict: client.postcodeDistrict,
        exceptClientId: client.id,
      };
    }
    const matches = await searchPeople(m, organisationId, search);
    const check = await writeToCase(
      m.save(
        m.create(ConflictCheckEntity, {
          organisationId,
          caseId: subject.caseId,
          subject: subject.party ? 'party' : 'client',
          partyId: subject.party?.id ?? null,
          searchedName: search.name,
          searchedDateOfBirth: search.dateOfBirth ?? null,
          searchedPostcodeDistrict: search.postcodeDistrict ?? null,
          matches,
          result: decision.result,
          reason: decision.result === 'no_conflict' ? null : (decision.reason?.trim() ?? null),
          checkedById: userId,
        }),
        { transaction: false },
      ),
    );
    await this.audit.record(
      {
        organisationId,
        userId,
        action: 'create',
        entity: 'conflict_check',
        entityIds: [check.id],
        details: {
          caseIds: [subject.caseId],
          subject: check.subject,
          result: check.result,
          matched: matches.map((x) => x.id),
        },
      },
      m,
    );
    return (await this.toDtos(m, organisationId, [check]))[0];
  }

  async list(organisationId: string, caseId: string): Promise<ConflictCheckDto[]> {
    const m = this.uow.manager;
    if (!(await m.existsBy(CaseEntity, { organisationId, id: caseId }))) throw notFound('Case');
    const checks = await m.find(ConflictCheckEntity, {
      where: { organisationId, caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.toDtos(m, organisationId, checks);
  }

  private async toDtos(m: EntityManager, organisationId: string, checks: ConflictCheckEntity[]) {
    const all = checks.flatMap((c) => c.matches);
    // One after the other: inside a transaction both run on its one connection.
    const names = await userNames(
      m,
      organisationId,
      checks.map((c) => c.checkedById),
    );
    const described = await this.describe(m, organisationId, all);
    const byKey = new Map(described.map((d) => [`${d.source}:${d.id}`, d]));
    return checks.map((c): ConflictCheckDto => ({
      id: c.id,
      caseId: c.caseId,
      subject: c.subject,
      partyId: c.partyId,
      searchedName: c.searchedName,
      searchedDateOfBirth: c.searchedDateOfBirth,
      searchedPostcodeDistrict: c.searchedPostcodeDistrict,
      matches: c.matches.map((x) => ({ ...byKey.get(`${x.source}:${x.id}`)!, score: x.score, matchedOn: x.matchedOn })),
      result: c.result,
      reason: c.reason,
      checkedById: c.checkedById,
      checkedByName: names.get(c.checkedById) ?? '',
      checkedAt: c.createdAt.toISOString(),
    }));
  }

  /** The matches with their names, references and roles as they are now. */
  private async describe(
    m: EntityManager,
    organisationId: string,
    matches: PersonMatch[],
  ): Promise<ConflictMatchDto[]> {
    const clientIds = matches.filter((x) => x.source === 'client').map((x) => x.id);
    const partyIds = matches.filter((x) => x.source === 'party').map((x) => x.id);
    const clients: Array<{
      id: string;
      ref: string;
      first_name: string | null;
      last_name: string | null;
      date_of_birth: string | null;
      postcode_district: string | null;
    }> = clientIds.length
      ? await m.query(
          `SELECT id, ref, first_name, last_name, date_of_birth::text, postcode_district FROM clients
              WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
          [organisationId, clientIds],
        )
      : [];
    const parties: Array<{
      id: string;
      name: string;
      role: PartyEntity['role'];
      opponent_type: PartyEntity['opponentType'];
      date_of_birth: string | null;
      postcode_district: string | null;
      case_ref: string;
    }> = partyIds.length
      ? await m.query(
          `SELECT p.id, p.name, p.role, p.opponent_type, p.date_of_birth::text, p.postcode_district, c.ref AS case_ref
               FROM case_parties p JOIN cases c ON c.organisation_id = p.organisation_id AND c.id = p.case_id
              WHERE p.organisation_id = $1 AND p.id = ANY($2::uuid[])`,
          [organisationId, partyIds],
        )
      : [];
    const clientById = new Map(clients.map((c) => [c.id, c]));
    const partyById = new Map(parties.map((p) => [p.id, p]));
    return matches.map((x): ConflictMatchDto => {
      const base = {
        source: x.source,
        id: x.id,
        clientId: x.clientId,
        caseId: x.caseId,
        score: x.score,
        matchedOn: x.matchedOn,
      };
      if (x.source === 'client') {
        const c = clientById.get(x.id);
        return {
          ...base,
          name: c ? clientName({ firstName: c.first_name, lastName: c.last_name, ref: c.ref }) : '',
          ref: c?.ref ?? '',
          role: 'client',
          opponentType: null,
          dateOfBirth: c?.date_of_birth ?? null,
          postcodeDistrict: c?.postcode_district ?? null,
        };
      }
      const p = partyById.get(x.id);
      return {
        ...base,
        name: p?.name ?? '',
        ref: p?.case_ref ?? '',
        role: p?.role ?? 'other',
        opponentType: p?.opponent_type ?? null,
        dateOfBirth: p?.date_of_birth ?? null,
        postcodeDistrict: p?.postcode_district ?? null,
      };
    });
  }
}
