/** Excel refuses sheet names over 31 characters, so a longer measure label gets its sheet name here. */
const EXCEL_MAX = 31;
const SHORTER: Record<string, string> = {
  'Full disclosure (adviser-assessed)': 'Full disclosure',
  'Didn’t have to repeat their story (client-reported)': 'Did not repeat their story',
};

export function sheetName(label: string): string {
  const name = SHORTER[label] ?? label;
  if (name.length > EXCEL_MAX) throw new Error(`"${name}" is too long for a sheet name: add a shorter one here`);
  return name;
}
