import { Injectable } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service.js';
import { loadLegalAidCodes, type LegalAidCodes } from './legal-aid-codes.js';

/**
 * The code lists in force, read once at start-up from LEGAL_AID_CODES_DIR or the shipped directory:
 * a malformed list stops the start with the file and field at fault, never a request later.
 */
@Injectable()
export class LegalAidCodesService {
  readonly codes: LegalAidCodes;
  constructor(config: AppConfigService) {
    this.codes = loadLegalAidCodes(config.get().legalAidCodesDir);
  }
}
