import { useLocation } from 'react-router';
import { Banner } from '../ui/Banner';

/** Navigation state carrying a one-off success message to the next page. */
export interface FlashState {
  flash?: string;
}

export const flash = (message: string): { state: FlashState } => ({ state: { flash: message } });

/** The success banner for a message passed by the previous page, if any. */
export function FlashBanner() {
  const location = useLocation();
  const message = (location.state as FlashState | null)?.flash;
  if (!message) return null;
  return (
    <Banner success key={location.key}>
      <p className="govuk-notification-banner__heading">{message}</p>
    </Banner>
  );
}
