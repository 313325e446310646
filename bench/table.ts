// One row of the bench table; every part prints its rows as one JSON line for bench/run.ts.
export interface Row {
  part: string;
  case: string;
  result: string;
  comparedWith: string;
  target: string;
  /** undefined: no target for this row; a string qualifies a yes (e.g. a stretch goal). */
  met: boolean | string | undefined;
}

export const row = (value: Row): Row => value;

export function markdownTable(rows: Row[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const lines = [
    '| part | case | result | compared with | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) =>
      `| ${[r.part, r.case, r.result, r.comparedWith, r.target, r.met === undefined ? '' : r.met === false ? '**no**' : r.met === true ? 'yes' : r.met]
        .map(cell)
        .join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}
