import type { Automaton } from './automaton';

// One ArrayBuffer: an Int32 header, the Int32 arrays, then the Uint16 alphabet last so every
// array stays aligned and loading is just creating views.

const MAGIC = 0x464e_4d31; // "FNM1"
const HEADER_FIELDS = 6;

export function serializeMatcher(
  foldVersion: number,
  units: Uint16Array,
  { cells, terminal, idRuns }: Automaton,
): ArrayBuffer {
  const nodes = terminal.length;
  const int32Count = HEADER_FIELDS + nodes * 3 + idRuns.length;
  const buffer = new ArrayBuffer(int32Count * 4 + units.length * 2);
  const ints = new Int32Array(buffer, 0, int32Count);
  ints.set([MAGIC, foldVersion, nodes, idRuns.length, units.length, 0]);
  ints.set(cells, HEADER_FIELDS);
  ints.set(terminal, HEADER_FIELDS + nodes * 2);
  ints.set(idRuns, HEADER_FIELDS + nodes * 3);
  new Uint16Array(buffer, int32Count * 4).set(units);
  return buffer;
}

export function deserializeMatcher(
  buffer: ArrayBuffer,
  foldVersion: number,
): { units: Uint16Array; automaton: Automaton } {
  const header = new Int32Array(buffer, 0, HEADER_FIELDS);
  const [magic, version, nodes = 0, idRunsLength = 0, unitCount = 0] = header;
  if (magic !== MAGIC || version !== foldVersion) {
    throw new Error('Serialized matcher is from another format or fold version; rebuild it.');
  }

  const int32Count = HEADER_FIELDS + nodes * 3 + idRunsLength;
  if (buffer.byteLength !== int32Count * 4 + unitCount * 2) {
    throw new Error('Serialized matcher is truncated.');
  }

  const view = (offset: number, length: number) =>
    new Int32Array(buffer, (HEADER_FIELDS + offset) * 4, length);
  return {
    units: new Uint16Array(buffer, int32Count * 4, unitCount),
    automaton: {
      cells: view(0, nodes * 2),
      terminal: view(nodes * 2, nodes),
      idRuns: view(nodes * 3, idRunsLength),
    },
  };
}
