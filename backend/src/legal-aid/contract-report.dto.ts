import type { ContractReportCheck, ContractReportProblem } from '@deepvalue/shared';
import { ApiProperty } from '@nestjs/swagger';

export class ContractReportProblemDto implements ContractReportProblem {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: a problem of the settings.' })
  caseId: string | null;
  @ApiProperty({ type: String, nullable: true }) caseRef: string | null;
  @ApiProperty({ description: 'The field to fix, by its API name.' }) field: string;
  @ApiProperty({ description: 'What is wrong and what to do, in plain words.' }) message: string;
}

/** GET /contract-reports: what the month's file will hold, and what to fix before it is sent. */
export class ContractReportCheckDto implements ContractReportCheck {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ example: 'MAR-2026' }) submissionPeriod: string;
  @ApiProperty({ description: 'OUTCOME records: legal aid matters completed in the month.' }) completedMatters: number;
  @ApiProperty({ description: 'New legal aid matters of the month, counted in MATTERSTARTS records.' })
  matterStarts: number;
  @ApiProperty({ description: 'Cases left out of the file until their problems are fixed.' }) leftOut: number;
  @ApiProperty({ type: [ContractReportProblemDto] }) problems: ContractReportProblemDto[];
}
