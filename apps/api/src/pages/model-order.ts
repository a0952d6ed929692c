/**
 * What each registered model is, in a few words, for column headings and legends. The names are
 * the ones the daily pipeline registers; a model not listed here is shown by its name alone.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'nba-winner': 'market-aware',
  'nba-winner-stats': 'stats only',
};

/** A model's short description (`market-aware`), if it is a known one. */
export function modelDescription(name: string): string | undefined {
  return DESCRIPTIONS[name];
}

/**
 * Model names in the order the page shows them: the API's default model first (the best estimate),
 * then the others by name, so a second model appears beside the first without any change here.
 */
export function orderModelNames(names: Iterable<string>, defaultName: string): string[] {
  return [...new Set(names)].sort((a, b) => (a === defaultName ? -1 : b === defaultName ? 1 : a.localeCompare(b)));
}
