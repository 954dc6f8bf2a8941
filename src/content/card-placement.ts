/**
 * Where the in-page card goes, in viewport coordinates (the card's host is `position: fixed`):
 * below its badge when it fits, above when only that fits, else on the roomier side with its
 * height capped to the room there; moved sideways to stay inside the viewport. Pure, so the
 * rules are tested without a browser.
 */

/** Space kept between the card and the viewport's edges, and between the card and its badge. */
export const VIEW_MARGIN = 8;
const GAP = 6;
/** Below this the card is too short to read; it then overlaps the badge instead. */
const MIN_HEIGHT = 120;

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Anchor {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Placement {
  readonly left: number;
  readonly top: number;
  /** The card's height limit: it scrolls inside when its content is taller. */
  readonly maxHeight: number;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * `card` is the card's natural size (its content's height, uncapped); `alignEnd` lines up the
 * card's right edge with the badge's (right-to-left UI) instead of its left edge.
 */
export function placeCard(anchor: Anchor, card: Size, view: Size, alignEnd: boolean): Placement {
  const roomBelow = view.height - anchor.bottom - GAP - VIEW_MARGIN;
  const roomAbove = anchor.top - GAP - VIEW_MARGIN;
  const below = card.height <= roomBelow || roomBelow >= roomAbove;
  const viewRoom = view.height - 2 * VIEW_MARGIN;
  const maxHeight = Math.min(viewRoom, Math.max(MIN_HEIGHT, below ? roomBelow : roomAbove));
  const height = Math.min(card.height, maxHeight);
  const top = below ? anchor.bottom + GAP : anchor.top - GAP - height;
  const left = alignEnd ? anchor.right - card.width : anchor.left;
  return {
    left: clamp(left, VIEW_MARGIN, view.width - VIEW_MARGIN - card.width),
    top: clamp(top, VIEW_MARGIN, view.height - VIEW_MARGIN - height),
    maxHeight,
  };
}
