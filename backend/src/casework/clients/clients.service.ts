import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, notFound } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { withFieldErrors } from '../database-errors.js';
import { containsPattern, pageOf } from '../page.js';
import { isRealDate } from '../../common/dates.js';
import { deleteVersioned, updateVersioned } from '../versioned-update.js';
import { ClientEntity } from './client.entity.js';
import { contactSafetyColumns } from './contact-safety.js';
import {
  type ClientDto,
  type ClientPageDto,
  type CreateClientDto,
  type CreatedClientDto,
  type ListClientsQuery,
  toClientDto,
  toClientSummaryDto,
  type UpdateClientDto,
} from './client.dto.js';

/** 11/02/1984 as typed at a front desk, for search. */
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function searchedDate(search: string): string | undefined {
  if (isRealDate(search)) return search;
  const uk = UK_DATE.exec(search);
  if (!uk) return undefined;
  const iso = `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

@Injectable()
export class ClientsService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(organisationId: string, query: ListClientsQuery): Promise<ClientPageDto> {
    const { limit, offset } = pageOf(query);
    const search = query.search?.trim();
    const qb = this.uow.manager
      .createQueryBuilder(ClientEntity, 'c')
      .where('c.organisation_id = :organisationId', { organisationId })
      .orderBy('c.last_name', 'ASC', 'NULLS LAST')
      .addOrderBy('c.first_name', 'ASC', 'NULLS LAST')
      .addOrderBy('c.ref', 'ASC')
      .limit(limit)
      .offset(offset);
    if (search) {
      const date = searchedDate(search);
      if (date) qb.andWhere('c.date_of_birth = :date', { date });
      else
        qb.andWhere(
          `(c.ref ILIKE :pattern OR c.first_name ILIKE :pattern OR c.last_name ILIKE :pattern
            OR concat_ws(' ', c.first_name, c.last_name) ILIKE :pattern OR c.postcode_district = :district)`,
          { pattern: containsPattern(search), district: search.toUpperCase() },
        );
    }
    const [clients, total] = await qb.getManyAndCount();
    return { items: clients.map(toClientDto), total, limit, offset };
  }

  async get(organisationId: string, clientId: string): Promise<ClientDto> {
    return toClientDto(await this.find(organisationId, clientId));
  }

  async find(organisationId: string, clientId: string): Promise<ClientEntity> {
    const client = await this.uow.manager.findOneBy(ClientEntity, { organisationId, id: clientId });
    if (!client) throw notFound('Client');
    return client;
  }

  async create(organisationId: string, input: CreateClientDto): Promise<CreatedClientDto> {
    const id = randomUUID();
    const client = await withFieldErrors(
      this.uow.manager.save(
        this.uow.manager.create(ClientEntity, {
          id,
          organisationId,
          ref: input.ref ?? `CL-${id.slice(0, 8).toUpperCase()}`,
          firstName: input.firstName ?? null,
          lastName: input.lastName ?? null,
          dateOfBirth: input.dateOfBirth ?? null,
          postcodeDistrict: input.postcodeDistrict ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          vulnerabilities: input.vulnerabilities ?? [],
          evidenceConsent: input.evidenceConsent ?? false,
          ...contactSafetyColumns(input.contactSafety ?? {}),
        }),
        { transaction: false },
      ),
    );
    const duplicates = await this.possibleDuplicates(organisationId, client);
    return { ...toClientDto(client), possibleDuplicates: duplicates.map(toClientSummaryDto) };
  }

  /** Same last name and date of birth, or the same names and postcode district (case-insensitive). */
  private possibleDuplicates(organisationId: string, client: ClientEntity): Promise<ClientEntity[]> {
    if (!client.lastName) return Promise.resolve([]);
    return this.uow.manager
      .createQueryBuilder(ClientEntity, 'c')
      .where('c.organisation_id = :organisationId AND c.id <> :id AND lower(c.last_name) = lower(:lastName)', {
        organisationId,
        id: client.id,
        lastName: client.lastName,
      })
      .andWhere(
        `(c.date_of_birth = :dateOfBirth
          OR (lower(c.first_name) = lower(:firstName) AND c.postcode_district = :postcodeDistrict))`,
        { dateOfBirth: client.dateOfBirth, firstName: client.firstName, postcodeDistrict: client.postcodeDistrict },
      )
      .orderBy('c.ref')
      .limit(20)
      .getMany();
  }

  async update(organisationId: string, clientId: string, input: UpdateClientDto): Promise<ClientDto> {
    const { version, contactSafety, ...changes } = input;
    const client = await updateVersioned(this.uow.manager, {
      entity: ClientEntity,
      what: 'Client',
      organisationId,
      id: clientId,
      version,
      changes: { ...changes, ...(contactSafety ? contactSafetyColumns(contactSafety) : {}) },
      toDto: toClientDto,
    });
    return toClientDto(client);
  }

  /** Only a client without cases can be deleted; erasure of personal data is a privacy operation. */
  async remove(organisationId: string, clientId: string, version?: number): Promise<void> {
    await this.uow.transaction(async (m) => {
      const [{ n }]: Array<{ n: number }> = await m.query(
        `SELECT count(*)::int AS n FROM cases WHERE organisation_id = $1 AND client_id = $2`,
        [organisationId, clientId],
      );
      if (n > 0) {
        throw new DomainError('conflict', 'This client has cases', [
          { path: 'id', message: `has ${n} case${n === 1 ? '' : 's'}; a client with cases cannot be deleted` },
        ]);
      }
      await deleteVersioned(m, {
        entity: ClientEntity,
        what: 'Client',
        organisationId,
        id: clientId,
        version,
        toDto: toClientDto,
      });
    });
  }
}
