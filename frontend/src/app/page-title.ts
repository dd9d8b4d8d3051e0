import { useEffect } from 'react';

/** Sets the browser tab title, GOV.UK style: "Page – Deep Value", with "Error: " when a form has errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Deep Value`;
  }, [title, hasErrors]);
}
