import { Injectable } from '@nestjs/common';
import { notFound, staleVersion } from '../../common/domain-error.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { writeToCase } from '../case-child.js';
import { queryRows } from '../sql.js';
import { AssessmentEntity } from './assessment.entity.js';
import { type AssessmentDto, type PutAssessmentDto, toAssessmentDto } from './assessment.dto.js';

interface AssessmentRow {
  id: string;
  organisation_id: string;
  case_id: string;
  trust: number | null;
  disclosure: AssessmentEntity['disclosure'];
  version: number;
}

const toDto = (r: AssessmentRow): AssessmentDto =>
  toAssessmentDto({ ...r, organisationId: r.organisation_id, caseId: r.case_id } as unknown as AssessmentEntity);

@Injectable()
export class AssessmentsService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * One assessment per case. Without a version it records the first one and refuses (409) if
   * someone recorded one meanwhile; with a version it replaces that version. Either way one
   * statement, so two advisers cannot both "create" it or overwrite each other.
   */
  async put(organisationId: string, caseId: string, input: PutAssessmentDto): Promise<AssessmentDto> {
    const trust = input.trust ?? null;
    const disclosure = input.disclosure ?? null;
    const m = this.uow.manager;
    const rows = await writeToCase(
      input.version === undefined
        ? queryRows<AssessmentRow>(
            m,
            `INSERT INTO adviser_assessments (organisation_id, case_id, trust, disclosure) VALUES ($1, $2, $3, $4)
             ON CONFLICT (organisation_id, case_id) DO NOTHING
             RETURNING id, organisation_id, case_id, trust, disclosure, version`,
            [organisationId, caseId, trust, disclosure],
          )
        : queryRows<AssessmentRow>(
            m,
            `UPDATE adviser_assessments SET trust = $3, disclosure = $4, version = version + 1, updated_at = now()
              WHERE organisation_id = $1 AND case_id = $2 AND version = $5
              RETURNING id, organisation_id, case_id, trust, disclosure, version`,
            [organisationId, caseId, trust, disclosure, input.version],
          ),
    );
    if (rows[0]) return toDto(rows[0]);
    const current = await m.findOneBy(AssessmentEntity, { organisationId, caseId });
    if (current) throw staleVersion(toAssessmentDto(current));
    // No assessment yet but a version was sent: the case is missing, or the assessment was never recorded.
    const [caseRow] = await m.query(`SELECT 1 FROM cases WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      caseId,
    ]);
    if (!caseRow) throw notFound('Case');
    throw staleVersion(null);
  }
}
