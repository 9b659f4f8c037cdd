/**
 * Where the grid is, in rows, for a scroll position, and back. Up to `maxHeight` pixels the
 * spacer is the real height (rows × row height); past it the spacer stays `maxHeight` tall
 * and the scroll range maps linearly onto the range of first rows. Pure: unit-tested.
 */
export interface ScrollGeometry {
  total: number;
  rowHeight: number;
  viewportHeight: number;
  maxHeight: number;
}

export function contentHeight(g: ScrollGeometry): number {
  return Math.min(g.total * g.rowHeight, g.maxHeight);
}

export function isScaled(g: ScrollGeometry): boolean {
  return g.total * g.rowHeight > g.maxHeight;
}

/** The largest first row: the last row then sits at the bottom of the viewport. */
export function lastFirstRow(g: ScrollGeometry): number {
  return Math.max(0, g.total - g.viewportHeight / g.rowHeight);
}

/** The (fractional) row at the top of the viewport for a scrollTop. */
export function firstRowAt(scrollTop: number, g: ScrollGeometry): number {
  if (!isScaled(g)) return scrollTop / g.rowHeight;
  const maxScroll = Math.max(1, contentHeight(g) - g.viewportHeight);
  return Math.min(1, Math.max(0, scrollTop / maxScroll)) * lastFirstRow(g);
}

/** The scrollTop that puts `first` (clamped) at the top of the viewport. */
export function scrollTopFor(first: number, g: ScrollGeometry): number {
  const clamped = Math.max(0, Math.min(lastFirstRow(g), first));
  if (!isScaled(g)) return clamped * g.rowHeight;
  const last = lastFirstRow(g);
  const maxScroll = Math.max(1, contentHeight(g) - g.viewportHeight);
  return last > 0 ? (clamped / last) * maxScroll : 0;
}
