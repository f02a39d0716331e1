/** pandas' KeyError: a column name or row label that is not there. */
export class KeyError extends Error {
  override name = "KeyError";
}

/** pandas' ParserError: a CSV file whose rows cannot be read; the message names the line. */
export class ParserError extends Error {
  override name = "ParserError";
}

/** The message for an unknown column: lists the columns that exist, so typos are easy to spot. */
export function unknownColumn(name: string, available: readonly string[]): KeyError {
  const shown = available.length > 40 ? [...available.slice(0, 40), "…"] : available;
  return new KeyError(
    `column "${name}" not found; the columns are: ${shown.map((c) => JSON.stringify(c)).join(", ")}`,
  );
}
