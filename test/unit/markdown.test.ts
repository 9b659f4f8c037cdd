import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../src/platform/markdown';

describe('Markdown escaping of log and site text', () => {
  it('turns markup, links, HTML, table pipes and $(icon) syntax into plain text', () => {
    assert.equal(escapeMarkdown('**PC** [x](command:evil) <img> a|b $(zap) ~~s~~ &amp;'), '\\*\\*PC\\*\\* \\[x\\](command:evil) \\<img\\> a\\|b \\$(zap) \\~\\~s\\~\\~ \\&amp;');
  });

  it('keeps line breaks but not list or heading markers at line starts', () => {
    assert.equal(escapeMarkdown('- one\n+ two\n# three'), '\\- one\n\\+ two\n\\# three');
  });

  it('folds line breaks for table cells and inline text', () => {
    assert.equal(escapeMarkdown('a\r\nb\nc', { singleLine: true }), 'a b c');
  });
});
