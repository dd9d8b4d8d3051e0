import { Injectable } from '@nestjs/common';
import { invalid, notFound } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import { CaseEntity } from '../cases/case.entity.js';
import { deleteVersioned, updateVersioned } from '../versioned-update.js';
import { ConflictChecksService } from '../conflicts/conflict-checks.service.js';
import { PartyEntity } from './party.entity.js';
import {
  type CreatePartyDto,
  PARTY_ERRORS,
  type PartyDto,
  partyProblems,
  toPartyDto,
  type UpdatePartyDto,
} from './party.dto.js';

@Injectable()
export class PartiesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly conflicts: ConflictChecksService,
  ) {}

  async list(organisationId: string, caseId: string): Promise<PartyDto[]> {
    const m = this.uow.manager;
    if (!(await m.existsBy(CaseEntity, { organisationId, id: caseId }))) throw notFound('Case');
    const parties = await m.find(PartyEntity, {
      where: { organisationId, caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return parties.map(toPartyDto);
  }

  async create(organisationId: string, userId: string, caseId: string, input: CreatePartyDto): Promise<PartyDto> {
    const m = this.uow.manager;
    const party = m.create(PartyEntity, {
      organisationId,
      caseId,
      role: input.role,
      opponentType: input.opponentType ?? null,
      kind: input.kind,
      name: input.name,
      dateOfBirth: input.dateOfBirth ?? null,
      postcodeDistrict: input.postcodeDistrict ?? null,
      contact: input.contact ?? null,
      reference: input.reference ?? null,
      relationship: input.relationship ?? null,
      passPhrase: input.passPhrase ?? null,
      language: input.language ?? null,
      note: input.note ?? null,
    });
    const problems = partyProblems(party);
    if (problems.length) throw invalid(problems);
    const decision = input.conflictCheck;
    if (!decision) return toPartyDto(await writeToCase(m.save(party, { transaction: false })));
    // The party and its conflict check are written together or not at all.
    return this.uow.transaction(async (t) => {
      const saved = await writeToCase(t.save(party, { transaction: false }));
      await this.conflicts.record(t, organisationId, userId, { caseId, party: saved }, decision);
      return toPartyDto(saved);
    });
  }

  async update(organisationId: string, partyId: string, input: UpdatePartyDto): Promise<PartyDto> {
    const { version, ...changes } = input;
    const party = await updateVersioned(this.uow.manager, {
      entity: PartyEntity,
      what: 'Party',
      organisationId,
      id: partyId,
      version,
      changes,
      toDto: toPartyDto,
      errors: PARTY_ERRORS,
    });
    return toPartyDto(party);
  }

  async remove(organisationId: string, partyId: string, version?: number): Promise<void> {
    await deleteVersioned(this.uow.manager, {
      entity: PartyEntity,
      what: 'Party',
      organisationId,
      id: partyId,
      version,
      toDto: toPartyDto,
    });
  }
}
