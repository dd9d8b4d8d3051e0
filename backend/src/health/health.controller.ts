import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@deepvalue/shared';
import type { Response } from 'express';
import { Public } from '../access/public.decorator.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Check that the app and its database are up' })
  @ApiOkResponse({ description: 'The app and its database are up' })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    if (result.db === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }
}
