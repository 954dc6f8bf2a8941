/**
 * Reads the text of a page region as text nodes grouped by post, never touching layout
 * (no innerText, no computed style). Text that is not prose a reader posted — scripts, styles,
 * form fields, editable regions, code — and Footnote's own UI are skipped whole.
 */
import { blockOf, postOf } from './posts';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'svg',
  'math',
]);

/** The same rules as a selector, for asking whether a region sits inside skipped content. */
const SKIPPED_ANCESTOR =
  'script, style, noscript, template, textarea, input, select, option, button, code, pre, kbd, samp, svg, math, ' +
  '[contenteditable]:not([contenteditable="false"]), [role="textbox"]';

export interface PostText {
  readonly post: Element;
  /** The post's text nodes in document order. */
  readonly nodes: Text[];
}

/** The cheap part of isSkippedElement: skipped for its tag (`tagName`), whatever its attributes. */
export function isSkippedTag(tagName: string): boolean {
  return SKIPPED_TAGS.has(tagName);
}

export function isSkippedElement(element: Element, ownUi: WeakSet<Element>): boolean {
  if (isSkippedTag(element.tagName) || ownUi.has(element)) return true;
  const editable = element.getAttribute('contenteditable');
  return (editable !== null && editable !== 'false') || element.getAttribute('role') === 'textbox';
}

export function isInSkippedRegion(element: Element, ownUi: WeakSet<Element>): boolean {
  if (element.closest(SKIPPED_ANCESTOR)) return true;
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (ownUi.has(current)) return true;
  }
  return false;
}

/**
 * A resumable walk over the text of `root`, collecting text nodes by post. `step` walks until
 * `deadline` (a `performance.now()` time) and returns false once the walk is complete.
 */
export class PostTextCollector {
  readonly posts = new Map<Element, PostText>();
  private readonly walker: TreeWalker;
  private lastParent: Element | null = null;
  private lastGroup: PostText | undefined;

  constructor(
    root: Node,
    private readonly ownUi: WeakSet<Element>,
  ) {
    const document = root.ownerDocument ?? (root as Document);
    this.walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.TEXT_NODE
          ? NodeFilter.FILTER_ACCEPT
          : isSkippedElement(node as Element, this.ownUi)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP,
    });
  }

  step(deadline: number): boolean {
    const { walker } = this;
    // Checking the clock costs more than reading a node: look at it every 256 nodes.
    for (let count = 1; ; count++) {
      const node = walker.nextNode() as Text | null;
      if (node === null) return false;
      const parent = node.parentElement;
      if (parent === null) continue;
      if (parent !== this.lastParent) {
        this.lastParent = parent;
        const post = postOf(parent);
        this.lastGroup = this.posts.get(post);
        if (this.lastGroup === undefined) {
          this.lastGroup = { post, nodes: [] };
          this.posts.set(post, this.lastGroup);
        }
      }
      this.lastGroup?.nodes.push(node);
      if ((count & 255) === 0 && performance.now() >= deadline) return true;
    }
  }
}

/** Separator between text nodes of different blocks, so words never join across them. */
export const BLOCK_SEPARATOR = '\n';

/**
 * The post's text as matcher segments: each text node's data, with a separator segment wherever
 * consecutive nodes sit in different blocks. `nodes[i]` is the node of segment i (null for a
 * separator).
 */
export function segmentsOf({ post, nodes }: PostText): {
  segments: string[];
  segmentNodes: (Text | null)[];
} {
  const segments: string[] = [];
  const segmentNodes: (Text | null)[] = [];
  let previousBlock: Element | null = null;
  for (const node of nodes) {
    const parent = node.parentElement;
    if (parent === null) continue;
    const block = blockOf(parent, post);
    if (previousBlock !== null && block !== previousBlock) {
      segments.push(BLOCK_SEPARATOR);
      segmentNodes.push(null);
    }
    previousBlock = block;
    segments.push(node.data);
    segmentNodes.push(node);
  }
  return { segments, segmentNodes };
}
