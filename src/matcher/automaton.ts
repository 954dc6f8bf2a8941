// The patterns' trie over character classes, as a double array: the child of `node` on class `c`
// is `base(node) + c` if `check(base(node) + c) === node`. Base and check of a node sit side by
// side in one Int32Array, so a step of the walk touches one cache line; base is stored bitwise
// inverted (negative) where a pattern ends, so that test needs no other load. No pointers: the
// whole trie is two Int32Arrays that serialize as they are.
//
// `search` uses it as an anchored trie: a name can only start where a word starts, so it walks the
// trie from each word start instead of following failure links, which keeps leftmost-longest
// selection with word boundaries exact without a failure table. Only the boundary-free
// `mayContain` needs Aho–Corasick failure links, built on its first call (buildFailureLinks).

export const ROOT = 0;
const FREE = -1;
/** The root's check: no node's child, so no class leads back to it. */
const NO_PARENT = -2;
const WIDE_SEARCH_ATTEMPTS = 16;

export interface Automaton {
  /** `[2 * node]`: base, or ~base where a pattern ends; `[2 * node + 1]`: check (the parent). */
  readonly cells: Int32Array;
  /** 0: no pattern ends here; id + 1: one person; -(offset + 1): `idRuns[offset]` ids follow. */
  readonly terminal: Int32Array;
  readonly idRuns: Int32Array;
}

/** The node's base, whether or not a pattern ends there. */
export function baseOf(cells: Int32Array, node: number): number {
  const base = cells[2 * node] ?? 0;
  return base < 0 ? ~base : base;
}

export interface ClassPattern {
  readonly classes: readonly number[];
  readonly id: number;
}

/** Builds the trie; `alphabetSize` bounds the classes so lookups never read past the arrays. */
export function buildAutomaton(patterns: readonly ClassPattern[], alphabetSize: number): Automaton {
  // Sorted keys make each node's children a contiguous, already ordered run of keys, so the
  // double array is filled straight from them without an intermediate pointer trie. A key is the
  // pattern's classes, a 0 terminator (below every class) and the id in two code units.
  const keys = patterns.map(({ classes, id }) =>
    String.fromCharCode(...classes, 0, id >>> 16, id & 0xffff),
  );
  keys.sort();

  const totalUnits = keys.reduce((sum, key) => sum + key.length, 1);
  const cells = new Cells(totalUnits + alphabetSize);
  cells.occupy(ROOT, NO_PARENT);
  const idRuns: number[] = [];

  // Breadth-first queue of (node, first key, end key, depth), as a ring: the key ranges of queued
  // nodes are disjoint and, but for the root's, not empty, so it never holds more than keys + 1.
  const queue = new Int32Array((keys.length + 1) * 4);
  queue.set([ROOT, 0, keys.length, 0], 0);
  let head = 0;
  let tail = 4;
  let queued = 1;
  const labels = new Int32Array(alphabetSize);
  const starts = new Int32Array(alphabetSize + 1);
  while (queued > 0) {
    const node = queue[head] ?? 0;
    const first = queue[head + 1] ?? 0;
    const end = queue[head + 2] ?? 0;
    const depth = queue[head + 3] ?? 0;
    head = (head + 4) % queue.length;
    queued--;

    // Keys ending here sort first: record their distinct ids.
    let childrenFrom = first;
    while (childrenFrom < end && (keys[childrenFrom] ?? '').charCodeAt(depth) === 0) {
      childrenFrom++;
    }

    if (childrenFrom > first) {
      cells.terminal[node] = terminalOf(keys, first, childrenFrom, depth + 1, idRuns);
    }

    let labelCount = 0;
    let previousLabel = -1;
    for (let index = childrenFrom; index < end; index++) {
      const label = (keys[index] ?? '').charCodeAt(depth);
      if (label !== previousLabel) {
        labels[labelCount] = label;
        starts[labelCount] = index;
        labelCount++;
        previousLabel = label;
      }
    }

    if (labelCount === 0) {
      continue;
    }

    starts[labelCount] = end;
    const base = cells.findBase(labels, labelCount);
    cells.base[node] = base;
    for (let index = 0; index < labelCount; index++) {
      const child = base + (labels[index] ?? 0);
      cells.occupy(child, node);
      queue[tail] = child;
      queue[tail + 1] = starts[index] ?? 0;
      queue[tail + 2] = starts[index + 1] ?? end;
      queue[tail + 3] = depth + 1;
      tail = (tail + 4) % queue.length;
      queued++;
    }
  }

  return cells.toAutomaton(alphabetSize, Int32Array.from(idRuns));
}

/** The terminal value for the keys [first, end) that end at one node, their ids at `offset`. */
function terminalOf(
  keys: readonly string[],
  first: number,
  end: number,
  offset: number,
  idRuns: number[],
): number {
  const ids: number[] = [];
  for (let index = first; index < end; index++) {
    const key = keys[index] ?? '';
    const id = key.charCodeAt(offset) * 0x10000 + key.charCodeAt(offset + 1);
    // Equal (pattern, id) pairs sort next to each other.
    if (ids.at(-1) !== id) {
      ids.push(id);
    }
  }

  if (ids.length === 1) {
    return (ids[0] ?? 0) + 1;
  }

  idRuns.push(ids.length, ...ids);
  return -(idRuns.length - ids.length);
}

/** The growing double array with a doubly linked list of free cells for placing children. */
class Cells {
  base: Int32Array;
  check: Int32Array;
  terminal: Int32Array;
  private nextFree: Int32Array;
  private previousFree: Int32Array;
  /** First free cell; every cell at or past `size` is free too. */
  private firstFree = 0;
  /** Where the search for nodes with several children starts; see findBase. */
  private wideSearchFrom = 0;
  private size = 0;
  private used = 0;

  constructor(capacity: number) {
    this.base = new Int32Array(capacity);
    this.check = new Int32Array(capacity).fill(FREE);
    this.terminal = new Int32Array(capacity);
    this.nextFree = new Int32Array(capacity);
    this.previousFree = new Int32Array(capacity);
    this.extendFreeList(0, capacity);
    this.size = capacity;
  }

  /** A base, low in the array, whose cells for the first `count` (ascending) labels are free. */
  findBase(labels: Int32Array, count: number): number {
    // Searching from the very first free cell every time is quadratic once the front of the
    // array is riddled with holes too small for wide nodes; single-child nodes fill those.
    while (count > 1 && !this.isFree(this.wideSearchFrom)) {
      this.wideSearchFrom++;
    }

    const from = count > 1 ? this.wideSearchFrom : this.firstFree;
    const firstLabel = labels[0] ?? 0;
    let attempts = 0;
    for (let cell = from; ; cell = this.nextFree[cell] ?? this.size) {
      if (cell >= this.size) {
        this.ensure(cell + 1);
      }

      const base = cell - firstLabel;
      if (base >= 0 && this.fits(base, labels, count)) {
        if (count > 1 && attempts > WIDE_SEARCH_ATTEMPTS) {
          this.wideSearchFrom = cell;
        }

        return base;
      }

      attempts++;
    }
  }

  private fits(base: number, labels: Int32Array, count: number): boolean {
    for (let index = 1; index < count; index++) {
      if (!this.isFree(base + (labels[index] ?? 0))) {
        return false;
      }
    }

    return true;
  }

  occupy(cell: number, parent: number): void {
    this.ensure(cell + 1);
    this.check[cell] = parent;
    this.used = Math.max(this.used, cell + 1);
    const next = this.nextFree[cell] ?? 0;
    const previous = this.previousFree[cell] ?? 0;
    if (cell === this.firstFree) {
      this.firstFree = next;
    } else {
      this.nextFree[previous] = next;
    }

    if (next < this.size) {
      this.previousFree[next] = previous;
    }
  }

  toAutomaton(alphabetSize: number, idRuns: Int32Array): Automaton {
    // Padding by the alphabet keeps base + class inside the arrays for every node.
    const length = this.used + alphabetSize;
    this.ensure(length);
    const cells = new Int32Array(length * 2);
    for (let node = 0; node < length; node++) {
      const base = this.base[node] ?? 0;
      cells[2 * node] = this.terminal[node] === 0 ? base : ~base;
      cells[2 * node + 1] = this.check[node] ?? FREE;
    }

    return { cells, terminal: this.terminal.slice(0, length), idRuns };
  }

  private isFree(cell: number): boolean {
    return cell >= this.size || this.check[cell] === FREE;
  }

  private ensure(capacity: number): void {
    if (capacity <= this.size) {
      return;
    }

    const size = Math.max(capacity, this.size * 2);
    this.base = resize(this.base, size, 0);
    this.check = resize(this.check, size, FREE);
    this.terminal = resize(this.terminal, size, 0);
    this.nextFree = resize(this.nextFree, size, 0);
    this.previousFree = resize(this.previousFree, size, 0);
    const oldSize = this.size;
    this.size = size;
    this.extendFreeList(oldSize, size);
  }

  /** Links cells [from, to) at the end of the free list; all of them are free. */
  private extendFreeList(from: number, to: number): void {
    for (let cell = from; cell < to; cell++) {
      this.nextFree[cell] = cell + 1;
      this.previousFree[cell] = cell - 1;
    }

    // The last free cell below `from` (if any) now continues into the new cells.
    let last = from - 1;
    while (last >= 0 && this.check[last] !== FREE) {
      last--;
    }

    if (last >= 0) {
      this.nextFree[last] = from;
      this.previousFree[from] = last;
    } else if (from < to) {
      this.firstFree = from;
    }
  }
}

function resize(array: Int32Array, size: number, fill: number): Int32Array {
  const resized = new Int32Array(size);
  resized.set(array);
  resized.fill(fill, array.length);
  return resized;
}

export interface FailureLinks {
  /** The node for the longest proper suffix of a node's text that is also in the trie. */
  readonly fail: Int32Array;
  /** 1 where a pattern ends at the node or at a suffix of it. */
  readonly endsPattern: Uint8Array;
  /** The same automaton as a table, where it is small enough. */
  readonly dfa: Dfa | undefined;
}

export interface Dfa {
  /**
   * The state after each state (row) and class (column), or `end` where a pattern ends: the
   * count starts over at the root (state 0) after each occurrence, so the states where one ends
   * need no row, and the loop learns of an end from the value it loaded.
   */
  readonly next: Uint16Array | Uint32Array;
  /** The value `next` holds where a pattern ends: the largest its cells can hold. */
  readonly end: number;
}

/** `end` for a table of cells of this many bytes. */
export function dfaEnd(bytesPerCell: number): number {
  return bytesPerCell === 4 ? 0xffff_ffff : 0xffff;
}

/**
 * Aho–Corasick failure links over the trie, for the boundary-free `mayContain` check: built on
 * first use only, since the word-start search does not need them. This runs at the content
 * script's start on every page, so it follows each node's real children (listed once from the
 * check cells) instead of trying every class at every node.
 */
export function buildFailureLinks(
  automaton: Automaton,
  alphabetSize: number,
  collapsedClass: number,
): FailureLinks {
  const { cells, terminal } = automaton;
  const tree = childLists(cells);
  const fail = new Int32Array(terminal.length);
  const endsPattern = new Uint8Array(terminal.length);
  const childOf = (node: number, label: number) => {
    const child = baseOf(cells, node) + label;
    return cells[2 * child + 1] === node ? child : -1;
  };

  // Breadth first, so a node's suffixes (all shallower) are linked before it.
  const breadthFirst = new Int32Array(tree.children.length + 1);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const node = breadthFirst[head] ?? ROOT;
    const base = baseOf(cells, node);
    for (let at = tree.start[node] ?? 0; at < (tree.start[node + 1] ?? 0); at++) {
      const child = tree.children[at] ?? ROOT;
      const label = child - base;
      let link = ROOT;
      for (let suffix = node; suffix !== ROOT;) {
        suffix = fail[suffix] ?? ROOT;
        const suffixChild = childOf(suffix, label);
        if (suffixChild !== -1) {
          link = suffixChild;
          break;
        }
      }

      fail[child] = link;
      endsPattern[child] = terminal[child] !== 0 || endsPattern[link] === 1 ? 1 : 0;
      breadthFirst[tail++] = child;
    }
  }

  return {
    fail,
    endsPattern,
    dfa: buildDfa(automaton, alphabetSize, collapsedClass, tree, breadthFirst, fail, endsPattern),
  };
}

/** Each node's children, in label order: `children[start[node]]` to `children[start[node + 1] - 1]`. */
interface ChildLists {
  readonly start: Int32Array;
  readonly children: Int32Array;
}

function childLists(cells: Int32Array): ChildLists {
  const nodes = cells.length / 2;
  const start = new Int32Array(nodes + 1);
  for (let node = 0; node < nodes; node++) {
    const parent = cells[2 * node + 1] ?? FREE;
    if (parent >= 0) start[parent + 1] = (start[parent + 1] ?? 0) + 1;
  }
  for (let node = 0; node < nodes; node++)
    start[node + 1] = (start[node + 1] ?? 0) + (start[node] ?? 0);
  const children = new Int32Array(start[nodes] ?? 0);
  const filled = start.slice(0, nodes);
  // Cells in increasing order: each parent's children come in label order.
  for (let node = 0; node < nodes; node++) {
    const parent = cells[2 * node + 1] ?? FREE;
    if (parent >= 0) {
      const at = filled[parent] ?? 0;
      children[at] = node;
      filled[parent] = at + 1;
    }
  }
  return { start, children };
}

/** Above this many cells, mayContain follows failure links instead of a table (a 100× dataset). */
const MAX_DFA_CELLS = 1 << 20;

/**
 * The automaton as a table, state × class → state, where states are the trie's nodes in
 * breadth-first order (the root first) that no pattern ends at: one load per character instead
 * of a walk down failure links. The page's first scan runs this loop cold, before the engine has
 * optimized it, where every step it saves counts. Before, with a row for every state and an
 * array of ending states loaded beside it (and each text copied first, since dropped), the names
 * check of the page benchmark's feed took 1.12× as long (Chromium, isolated worlds, medians of
 * 30 runs); cells holding the next row's offset instead of a state gained nothing measurable
 * and took twice the bytes. Each row starts as a copy of its suffix's row (a native copy; the
 * suffix comes earlier, and no pattern ends at it either), then the node's own children are
 * written over it.
 *
 * A run of `collapsedClass` (spaces) reads as one: a state entered on it stays put on it, which
 * the loop would otherwise test for at every character.
 */
function buildDfa(
  { cells }: Automaton,
  alphabetSize: number,
  collapsedClass: number,
  tree: ChildLists,
  breadthFirst: Int32Array,
  fail: Int32Array,
  endsPattern: Uint8Array,
): Dfa | undefined {
  // Each node's state; -1 where a pattern ends (no row: the table holds `end` there).
  const stateOf = new Int32Array(cells.length / 2);
  let rows = 0;
  for (const node of breadthFirst) stateOf[node] = endsPattern[node] === 1 ? -1 : rows++;
  if (rows * alphabetSize > MAX_DFA_CELLS) return undefined;
  const next =
    rows < 0xffff ? new Uint16Array(rows * alphabetSize) : new Uint32Array(rows * alphabetSize);
  const end = dfaEnd(next.BYTES_PER_ELEMENT);
  for (const node of breadthFirst) {
    const nodeState = stateOf[node] ?? -1;
    if (nodeState < 0) continue;
    const nodeRow = nodeState * alphabetSize;
    if (node !== ROOT) {
      const suffixRow = (stateOf[fail[node] ?? ROOT] ?? 0) * alphabetSize;
      next.copyWithin(nodeRow, suffixRow, suffixRow + alphabetSize);
    }
    const base = baseOf(cells, node);
    for (let at = tree.start[node] ?? 0; at < (tree.start[node + 1] ?? 0); at++) {
      const child = tree.children[at] ?? ROOT;
      const childState = stateOf[child] ?? -1;
      next[nodeRow + child - base] = childState < 0 ? end : childState;
    }
    const parent = cells[2 * node + 1] ?? FREE;
    if (parent >= 0 && node - baseOf(cells, parent) === collapsedClass) {
      next[nodeRow + collapsedClass] = nodeState;
    }
  }
  return { next, end };
}
