import * as assert from 'node:assert/strict';
import { contentHeight, firstRowAt, isScaled, lastFirstRow, scrollTopFor, type ScrollGeometry } from '../../../../webview/logViewer/scrollMath';

const ROW = 22;
const geometry = (total: number): ScrollGeometry => ({ total, rowHeight: ROW, viewportHeight: 440, maxHeight: 8_000_000 });

describe('viewer: grid scroll mapping', () => {
  it('scrolls a short list by real pixels', () => {
    const g = geometry(1_000);
    assert.equal(isScaled(g), false);
    assert.equal(contentHeight(g), 22_000);
    assert.equal(firstRowAt(2_200, g), 100);
    assert.equal(scrollTopFor(100, g), 2_200);
    assert.equal(scrollTopFor(5_000, g), (1_000 - 20) * ROW, 'clamped to the last screenful');
  });

  it('keeps a million rows under the browser’s height limit and reaches both ends', () => {
    const g = geometry(1_000_000);
    assert.equal(isScaled(g), true);
    assert.equal(contentHeight(g), 8_000_000);
    assert.equal(firstRowAt(0, g), 0);
    const maxScroll = contentHeight(g) - g.viewportHeight;
    assert.equal(firstRowAt(maxScroll, g), lastFirstRow(g));
    assert.equal(lastFirstRow(g) + g.viewportHeight / ROW, 1_000_000, 'the last row is the bottom row');
    for (const row of [1, 12_345, 500_000, 999_000]) {
      assert.ok(Math.abs(firstRowAt(scrollTopFor(row, g), g) - row) < 1e-6, `row ${row} round-trips`);
    }
    // 8 M px for a million rows: one pixel of scrolling moves by less than a row.
    assert.ok(firstRowAt(1, g) > 0 && firstRowAt(1, g) < 1);
  });
});
