/**
 * The LAA's Unique Client Number: DDMMYYYY/X/ZZZZ — the client's date of birth, the first letter of
 * their forename and the first four characters of their surname, in capitals. The format is the LAA
 * claim schema's (`unique_client_number`); how it is formed is read from the LAA's own bulk-load
 * samples (Alex Adams born 01/01/1981 → 01011981/A/ADAM; docs/legal-aid-codes.md).
 */
export function formatUcn(forename: string, surname: string, dateOfBirth: string): string {
  const [y, m, d] = dateOfBirth.split('-');
  const initial = [...forename.trim()][0] ?? '';
  const four = [...surname.trim()].slice(0, 4).join('');
  return `${d}${m}${y}/${initial}/${four}`.toLocaleUpperCase('en-GB');
}
