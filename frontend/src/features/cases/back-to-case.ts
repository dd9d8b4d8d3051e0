import { useNavigate } from 'react-router';
import { flash } from '../../app/flash';
import { useRefreshCase } from './api';

/**
 * Leaving a page that changes part of a case, back to the case page: the unsaved-changes prompt
 * lets go (`bypass`), the case is fetched again, and the case page shows, with a message after a
 * change and without one when the person discards theirs.
 */
export function useBackToCase(caseId: string, bypass: () => void) {
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  return {
    afterChange: async (message: string) => {
      bypass();
      await refresh(caseId);
      navigate(`/cases/${caseId}`, flash(message));
    },
    discard: () => {
      bypass();
      void refresh(caseId);
      navigate(`/cases/${caseId}`);
    },
  };
}
