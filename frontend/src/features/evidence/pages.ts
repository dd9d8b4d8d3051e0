export { EvidencePackPage } from './EvidencePackPage';
export { OrganisationsPage } from './OrganisationsPage';
