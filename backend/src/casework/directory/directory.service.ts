import { Injectable } from '@nestjs/common';
import { DEFAULT_FEEDBACK_ITEMS } from '@deepvalue/shared';
import { randomUUID } from 'node:crypto';
import { invalid } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { withFieldErrors } from '../database-errors.js';
import { containsPattern, pageOf } from '../page.js';
import { updateVersioned } from '../versioned-update.js';
import {
  type CreateOfficeDto,
  type CreatePartnerDto,
  type FeedbackItemDto,
  type ListPartnersQuery,
  type OfficeDto,
  type PartnerDto,
  type PartnerPageDto,
  toFeedbackItemDto,
  toOfficeDto,
  toPartnerDto,
  type UpdatePartnerDto,
} from './directory.dto.js';
import { FeedbackItemEntity } from './feedback-item.entity.js';
import { OfficeEntity } from './office.entity.js';
import { PartnerEntity } from './partner.entity.js';

const generatedRef = (prefix: string, id: string) => `${prefix}-${id.slice(0, 8).toUpperCase()}`;

/** The organisation's directory: offices, partner organisations and its client feedback items. */
@Injectable()
export class DirectoryService {
  constructor(private readonly uow: UnitOfWork) {}

  async listOffices(organisationId: string): Promise<OfficeDto[]> {
    const offices = await this.uow.manager.find(OfficeEntity, { where: { organisationId }, order: { name: 'ASC' } });
    return offices.map(toOfficeDto);
  }

  async createOffice(organisationId: string, input: CreateOfficeDto): Promise<OfficeDto> {
    const id = randomUUID();
    const office = await withFieldErrors(
      this.uow.manager.save(
        this.uow.manager.create(OfficeEntity, {
          id,
          organisationId,
          ref: input.ref ?? generatedRef('OF', id),
          name: input.name,
        }),
        { transaction: false },
      ),
    );
    return toOfficeDto(office);
  }

  async listPartners(organisationId: string, query: ListPartnersQuery): Promise<PartnerPageDto> {
    const { limit, offset } = pageOf(query);
    const qb = this.uow.manager
      .createQueryBuilder(PartnerEntity, 'p')
      .where('p.organisation_id = :organisationId', { organisationId })
      .orderBy('p.name')
      .addOrderBy('p.ref')
      .limit(limit)
      .offset(offset);
    const search = query.search?.trim();
    if (search) {
      qb.andWhere('(p.name ILIKE :pattern OR p.ref ILIKE :pattern OR p.service ILIKE :pattern)', {
        pattern: containsPattern(search),
      });
    }
    const [partners, total] = await qb.getManyAndCount();
    return { items: partners.map(toPartnerDto), total, limit, offset };
  }

  async createPartner(organisationId: string, input: CreatePartnerDto): Promise<PartnerDto> {
    const id = randomUUID();
    const partner = await withFieldErrors(
      this.uow.manager.save(
        this.uow.manager.create(PartnerEntity, {
          id,
          organisationId,
          ref: input.ref ?? generatedRef('PA', id),
          name: input.name,
          service: input.service ?? null,
          contact: input.contact ?? null,
        }),
        { transaction: false },
      ),
    );
    return toPartnerDto(partner);
  }

  async updatePartner(organisationId: string, partnerId: string, input: UpdatePartnerDto): Promise<PartnerDto> {
    const { version, ...changes } = input;
    const partner = await updateVersioned(this.uow.manager, {
      entity: PartnerEntity,
      what: 'Partner',
      organisationId,
      id: partnerId,
      version,
      changes,
      toDto: toPartnerDto,
    });
    return toPartnerDto(partner);
  }

  /** Replaces the item set; keys left out become inactive so past feedback keeps its meaning. */
  async setFeedbackItems(
    organisationId: string,
    items: Array<{ key: string; label: string }>,
  ): Promise<FeedbackItemDto[]> {
    const keys = items.map((i) => i.key);
    const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
    if (duplicate) throw invalid([{ path: `items[${keys.lastIndexOf(duplicate)}].key`, message: 'is used twice' }]);
    if (items.length === 0) throw invalid([{ path: 'items', message: 'must have at least one item' }]);
    await this.uow.transaction(async (manager) => {
      await manager.query(
        `UPDATE feedback_items SET active = false WHERE organisation_id = $1 AND NOT (key = ANY($2::text[]))`,
        [organisationId, keys],
      );
      for (const [position, item] of items.entries()) {
        await manager.query(
          `INSERT INTO feedback_items (organisation_id, key, label, position, active) VALUES ($1, $2, $3, $4, true)
           ON CONFLICT (organisation_id, key) DO UPDATE SET label = EXCLUDED.label, position = EXCLUDED.position, active = true`,
          [organisationId, item.key, item.label, position],
        );
      }
    });
    return this.feedbackItems(organisationId);
  }

  /** The organisation's active items in order; the default items (docs/measures.md, RQI) while it has configured none. */
  async feedbackItems(organisationId: string): Promise<FeedbackItemDto[]> {
    const items = await this.uow.manager.find(FeedbackItemEntity, {
      where: { organisationId },
      order: { position: 'ASC', key: 'ASC' },
    });
    if (items.length === 0) return DEFAULT_FEEDBACK_ITEMS.map(toFeedbackItemDto);
    return items.filter((item) => item.active).map(toFeedbackItemDto);
  }
}
