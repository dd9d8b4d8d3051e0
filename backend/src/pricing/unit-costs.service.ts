/**
 * The unit-cost table each organisation edits (docs/pricing.md): unit costs with sources, the mapping from
 * outcome events to them, the low / central / high adjustments and the hourly cost of adviser time.
 * Version 1 is the sourced defaults, stored the first time the table is read so that a pack priced
 * with it can be re-created even after the shipped defaults change. Every save appends a version.
 * A value left empty stays null ("not priced — enter your local figure"); nothing becomes 0.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnitCostVersion, UnitCostsView } from '@deepvalue/shared';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { invalid, notFound, staleVersion, type FieldError } from '../common/domain-error.js';
import { DEFAULT_SENSITIVITY, validateSensitivity } from './adjustments.js';
import { DEFAULT_BENEFIT_MAPPING, validateMapping } from './benefit-mapping.js';
import { DEFAULT_HOURLY_COST_GBP, DEFAULT_UNIT_COSTS, NO_FIGURE } from './unit-cost-defaults.js';
import type { UnitCost } from '@deepvalue/shared';
import { toUnitCostVersionListItem, toUnitCostVersion, type PutUnitCostsDto } from './dto/unit-costs.dto.js';
import { UnitCostsRepository, type UnitCostContent, type UnitCostVersionRecord } from './unit-costs.repository.js';

export const DEFAULT_CONTENT: UnitCostContent = {
  rows: DEFAULT_UNIT_COSTS.map((row) => ({ ...row })),
  mapping: DEFAULT_BENEFIT_MAPPING.map((entry) => ({ ...entry })),
  sensitivity: DEFAULT_SENSITIVITY,
  hourlyCostGbp: DEFAULT_HOURLY_COST_GBP,
};

@Injectable()
export class UnitCostsService {
  constructor(
    private readonly repository: UnitCostsRepository,
    private readonly audit: AuditService,
  ) {}

  async overview(organisationId: string): Promise<UnitCostsView> {
    const current = await this.current(organisationId);
    const versions = await this.repository.history(organisationId);
    return { current: toUnitCostVersion(current), versions: versions.map(toUnitCostVersionListItem) };
  }

  /** The latest version, seeding version 1 from the defaults when the organisation has none. */
  async current(organisationId: string, manager?: EntityManager): Promise<UnitCostVersionRecord> {
    const latest = await this.repository.latest(organisationId, manager);
    if (latest) return latest;
    const write = async (m: EntityManager) => {
      await this.repository.insert(m, organisationId, 1, null, DEFAULT_CONTENT);
      return this.repository.latest(organisationId, m);
    };
    const seeded = manager ? await write(manager) : await this.repository.locked(organisationId, write);
    if (!seeded) throw new Error('the seeded unit-cost version could not be read back');
    return seeded;
  }

  /** A given version; version 1 always exists (it is seeded on demand). */
  async version(organisationId: string, version: number): Promise<UnitCostVersionRecord> {
    if (version === 1) await this.current(organisationId);
    const record = await this.repository.byVersion(organisationId, version);
    if (!record) throw notFound(`Unit-cost version ${version}`);
    return record;
  }

  async versionView(organisationId: string, version: number): Promise<UnitCostVersion> {
    return toUnitCostVersion(await this.version(organisationId, version));
  }

  /** Saves the next version; refused (409 with the current table) if someone saved since `basedOnVersion`. */
  async save(organisationId: string, actor: Actor, input: PutUnitCostsDto): Promise<UnitCostVersion> {
    const outcome = await this.repository.locked(organisationId, async (manager) => {
      const latest = await this.current(organisationId, manager);
      if (latest.version !== input.basedOnVersion) return { stale: latest, saved: 0 };
      const content = validContent(input, latest);
      const version = latest.version + 1;
      await this.repository.insert(manager, organisationId, version, actor.userId, content);
      await this.audit.record(
        {
          organisationId,
          userId: actor.userId,
          ip: actor.ip ?? null,
          action: 'update',
          entity: 'unit_costs',
          details: { version, basedOnVersion: input.basedOnVersion },
        },
        manager,
      );
      return { stale: null, saved: version };
    });
    if (outcome.stale) throw staleVersion(toUnitCostVersion(outcome.stale));
    return this.versionView(organisationId, outcome.saved);
  }
}

/** The content to store, or a validation error naming each offending field. */
function validContent(input: PutUnitCostsDto, previous: UnitCostContent): UnitCostContent {
  const rows: UnitCost[] = input.rows.map((row) => ({
    key: row.key,
    label: row.label.trim(),
    kind: row.kind,
    basis: row.basis,
    valueGbp: row.valueGbp,
    unit: row.unit,
    source: row.source.trim(),
    year: row.year,
  }));
  const mapping = input.mapping ?? previous.mapping;
  const sensitivity = input.sensitivity ?? previous.sensitivity;
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const first = seen.get(row.key);
    if (first !== undefined) errors.push({ path: `rows[${i}].key`, message: `repeats rows[${first}].key` });
    seen.set(row.key, i);
    if (row.basis === 'unit_rate' && row.valueGbp !== null) {
      // A priced figure has to be citable: the evidence pack prints its source and price year.
      if (row.year === null) errors.push({ path: `rows[${i}].year`, message: 'is required when a value is entered' });
      if (!row.source || row.source.startsWith(NO_FIGURE)) {
        errors.push({ path: `rows[${i}].source`, message: 'must cite where the value comes from when one is entered' });
      }
    }
    if (row.basis === 'recorded_amount' && row.valueGbp !== null) {
      errors.push({
        path: `rows[${i}].valueGbp`,
        message: 'must be null: a recorded-amount row takes its £ from each outcome',
      });
    }
  });
  errors.push(
    ...validateMapping(mapping, rows).map((e) =>
      input.mapping ? e : { ...e, message: `${e.message} (send a mapping without it)` },
    ),
  );
  errors.push(...validateSensitivity(sensitivity).map((e) => ({ ...e, path: `sensitivity.${e.path}` })));
  if (errors.length) throw invalid(errors);
  return {
    rows,
    mapping: mapping.map((entry) => ({ ...entry })),
    sensitivity,
    hourlyCostGbp: input.hourlyCostGbp === undefined ? previous.hourlyCostGbp : input.hourlyCostGbp,
  };
}
