import { Global, Module } from '@nestjs/common';
import { OrganisationSettingsController, SharesController } from './organisations.controller.js';
import { OrganisationsService } from './organisations.service.js';
import { SharesService } from './shares.service.js';

@Global()
@Module({
  controllers: [OrganisationSettingsController, SharesController],
  providers: [OrganisationsService, SharesService],
  exports: [OrganisationsService, SharesService],
})
export class OrganisationsModule {}
