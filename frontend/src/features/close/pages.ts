export { CloseCaseWizard } from './CloseCaseWizard';
