// Name search ignores case and accents ("eleve" finds "Élève"): names are stored folded, and the
// query is folded the same way.
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}
