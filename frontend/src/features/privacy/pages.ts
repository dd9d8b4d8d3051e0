export { ClientPrivacyPage } from './ClientPrivacyPage';
export { EraseClientPage } from './EraseClientPage';
export { PrivacySearchPage } from './PrivacySearchPage';
