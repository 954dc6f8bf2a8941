import { classCount } from './alphabet';
import { dfaEnd, type Automaton, type FailureLinks } from './automaton';

// One ArrayBuffer: an Int32 header, the Int32 arrays, the Uint32 or Uint16 state table, the
// Uint16 alphabet, then the Uint8 arrays, so every array stays aligned and loading is just
// creating views. The failure links and the state table (what mayContain needs) are optional:
// a matcher serialized after prepareMayContain carries them, so whoever loads it need not build
// them (the content script gets its matchers built by the background, npm run bench:page).

const MAGIC = 0x464e_4d33; // "FNM3"
const HEADER_FIELDS = 8;

export function serializeMatcher(
  foldVersion: number,
  units: Uint16Array,
  { cells, terminal, idRuns }: Automaton,
  links: FailureLinks | undefined,
): ArrayBuffer {
  const nodes = terminal.length;
  const table = links?.dfa?.next;
  const tableWidth = table === undefined ? 0 : table.BYTES_PER_ELEMENT;
  const rows = table === undefined ? 0 : table.length / classCount(units.length);
  const layout = layoutOf({
    nodes,
    idRunsLength: idRuns.length,
    unitCount: units.length,
    hasLinks: links !== undefined,
    rows,
    tableLength: table?.length ?? 0,
    tableWidth,
  });
  const buffer = new ArrayBuffer(layout.byteLength);
  new Int32Array(buffer, 0, HEADER_FIELDS).set([
    MAGIC,
    foldVersion,
    nodes,
    idRuns.length,
    units.length,
    links === undefined ? 0 : 1,
    rows,
    tableWidth,
  ]);
  new Int32Array(buffer, layout.cells, nodes * 2).set(cells);
  new Int32Array(buffer, layout.terminal, nodes).set(terminal);
  new Int32Array(buffer, layout.idRuns, idRuns.length).set(idRuns);
  new Uint16Array(buffer, layout.units, units.length).set(units);
  if (links !== undefined) {
    new Int32Array(buffer, layout.fail, nodes).set(links.fail);
    new Uint8Array(buffer, layout.endsPattern, nodes).set(links.endsPattern);
  }
  if (table !== undefined) tableView(buffer, layout.table, table.length, tableWidth).set(table);
  return buffer;
}

export function deserializeMatcher(
  buffer: ArrayBuffer,
  foldVersion: number,
): { units: Uint16Array; automaton: Automaton; links: FailureLinks | undefined } {
  if (buffer.byteLength < HEADER_FIELDS * 4) throw new Error('Serialized matcher is truncated.');
  const header = new Int32Array(buffer, 0, HEADER_FIELDS);
  const [
    magic,
    version,
    nodes = 0,
    idRunsLength = 0,
    unitCount = 0,
    hasLinks = 0,
    rows = 0,
    tableWidth = 0,
  ] = header;
  if (magic !== MAGIC || version !== foldVersion) {
    throw new Error('Serialized matcher is from another format or fold version; rebuild it.');
  }

  // The table has a row per state no pattern ends at, and a column per class.
  const tableLength = rows * classCount(unitCount);
  const layout = layoutOf({
    nodes,
    idRunsLength,
    unitCount,
    hasLinks: hasLinks === 1,
    rows,
    tableLength,
    tableWidth,
  });
  if (buffer.byteLength !== layout.byteLength) {
    throw new Error('Serialized matcher is truncated.');
  }

  const links: FailureLinks | undefined =
    hasLinks === 1
      ? {
          fail: new Int32Array(buffer, layout.fail, nodes),
          endsPattern: new Uint8Array(buffer, layout.endsPattern, nodes),
          dfa:
            rows > 0
              ? {
                  next: tableView(buffer, layout.table, tableLength, tableWidth),
                  end: dfaEnd(tableWidth),
                }
              : undefined,
        }
      : undefined;
  return {
    units: new Uint16Array(buffer, layout.units, unitCount),
    automaton: {
      cells: new Int32Array(buffer, layout.cells, nodes * 2),
      terminal: new Int32Array(buffer, layout.terminal, nodes),
      idRuns: new Int32Array(buffer, layout.idRuns, idRunsLength),
    },
    links,
  };
}

interface Sizes {
  readonly nodes: number;
  readonly idRunsLength: number;
  readonly unitCount: number;
  readonly hasLinks: boolean;
  /** Rows of the state table (its states where no pattern ends). */
  readonly rows: number;
  readonly tableLength: number;
  /** Bytes per table cell: 2 or 4, or 0 without a table. */
  readonly tableWidth: number;
}

/** Byte offsets of each array, widest elements first so each stays aligned. */
function layoutOf(sizes: Sizes) {
  const { nodes, idRunsLength, unitCount, hasLinks, rows, tableLength, tableWidth } = sizes;
  if (![nodes, idRunsLength, unitCount, rows].every((n) => Number.isInteger(n) && n >= 0)) {
    throw new Error('Serialized matcher is truncated.');
  }
  if (rows > 0 && (!hasLinks || (tableWidth !== 2 && tableWidth !== 4))) {
    throw new Error('Serialized matcher is from another format or fold version; rebuild it.');
  }
  let at = HEADER_FIELDS * 4;
  const take = (bytes: number) => {
    const offset = at;
    at += bytes;
    return offset;
  };
  const cells = take(nodes * 8);
  const terminal = take(nodes * 4);
  const idRuns = take(idRunsLength * 4);
  const fail = take(hasLinks ? nodes * 4 : 0);
  const table = take(tableLength * tableWidth);
  const units = take(unitCount * 2);
  const endsPattern = take(hasLinks ? nodes : 0);
  return { cells, terminal, idRuns, fail, table, units, endsPattern, byteLength: at };
}

function tableView(
  buffer: ArrayBuffer,
  offset: number,
  length: number,
  width: number,
): Uint16Array | Uint32Array {
  return width === 4
    ? new Uint32Array(buffer, offset, length)
    : new Uint16Array(buffer, offset, length);
}
