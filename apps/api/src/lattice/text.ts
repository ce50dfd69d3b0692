/** How the rules name things in their sentences. */

/** "label (id)", or the id alone when the label adds nothing. */
export const named = (label: string | undefined, id: string): string =>
  label && label !== id ? `${label} (${id})` : id;

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
