import { Global, Module } from '@nestjs/common';
import { FundingController } from './funding.controller.js';
import { FundingService } from './funding.service.js';
import { OrganisationSettingsController, SharesController } from './organisations.controller.js';
import { OrganisationsService } from './organisations.service.js';
import { SharesService } from './shares.service.js';

@Global()
@Module({
  controllers: [OrganisationSettingsController, SharesController, FundingController],
  providers: [OrganisationsService, SharesService, FundingService],
  exports: [OrganisationsService, SharesService, FundingService],
})
export class OrganisationsModule {}
