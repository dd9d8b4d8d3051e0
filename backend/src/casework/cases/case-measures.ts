import type { CaseMeasures } from '@deepvalue/shared';
/**
 * A case's own measures (docs/measures.md; definitions in shared/src/measures.ts), read from its case_facts
 * row, which the database keeps current in the same transaction as every write to the case.
 */
import { ApiProperty } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';

export class CaseMeasuresDto implements CaseMeasures {
  @ApiProperty({ description: 'Minutes of relationship-class time.' }) relationshipMinutes: number;
  @ApiProperty({ description: 'Minutes of all time on the case.' }) totalMinutes: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Relationship time ÷ all time (0–1).' })
  relationshipShare: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of relationship minutes by the lead adviser (0–1).',
  })
  continuity: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Days from opening to the first relationship session.' })
  firstContactLatencyDays: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Relationship quality index, 0–100.' })
  rqi: number | null;
  @ApiProperty({ description: 'Number of feedback item scores the RQI rests on.' }) rqiItems: number;
  @ApiProperty({ description: 'Underlying problems uncovered.' }) problemsCount: number;
}

interface FactsRow {
  relationship_minutes: number;
  total_minutes: number;
  lead_relationship_minutes: number;
  first_contact_latency_days: number | null;
  feedback_score_sum: number;
  feedback_items_n: number;
  problems_count: number;
}

const EMPTY: FactsRow = {
  relationship_minutes: 0,
  total_minutes: 0,
  lead_relationship_minutes: 0,
  first_contact_latency_days: null,
  feedback_score_sum: 0,
  feedback_items_n: 0,
  problems_count: 0,
};

export function toMeasuresDto(f: FactsRow): CaseMeasuresDto {
  return {
    relationshipMinutes: f.relationship_minutes,
    totalMinutes: f.total_minutes,
    relationshipShare: f.total_minutes > 0 ? f.relationship_minutes / f.total_minutes : null,
    continuity: f.relationship_minutes > 0 ? f.lead_relationship_minutes / f.relationship_minutes : null,
    firstContactLatencyDays: f.first_contact_latency_days,
    // RQI = (mean item score − 1) ÷ 4 × 100, over every item answered on every feedback form.
    rqi: f.feedback_items_n > 0 ? ((f.feedback_score_sum / f.feedback_items_n - 1) / 4) * 100 : null,
    rqiItems: f.feedback_items_n,
    problemsCount: f.problems_count,
  };
}

export async function caseMeasures(
  manager: EntityManager,
  organisationId: string,
  caseId: string,
): Promise<CaseMeasuresDto> {
  const [row]: FactsRow[] = await manager.query(
    `SELECT relationship_minutes, total_minutes, lead_relationship_minutes,
            first_relationship_on - first_contact_on AS first_contact_latency_days,
            feedback_score_sum, feedback_items_n, problems_count
       FROM case_facts WHERE organisation_id = $1 AND case_id = $2`,
    [organisationId, caseId],
  );
  return toMeasuresDto(row ?? EMPTY);
}
