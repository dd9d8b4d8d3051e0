/** Placeholder until the generator lands: creates nothing. */
export async function ensureDemoData(
  _url: string,
  _log: (message: string) => void,
): Promise<{ password: string; users: Array<{ role: string; email: string }> } | undefined> {
  return undefined;
}
