import * as assert from 'node:assert/strict';
import { L10N_BUNDLE_ELEMENT_ID } from '../../../src/webviews/webviewHtml';
import { readBundle, t, translator, type BundleSource } from '../../../webview/shared/l10n';

/** A page whose bundle block holds `text` (what the extension host wrote). */
function pageWith(text: string | null): BundleSource {
  return { getElementById: (id) => (id === L10N_BUNDLE_ELEMENT_ID && text !== null ? { textContent: text } : null) };
}

const GERMAN = {
  '{0} of {1} records': '{0} von {1} Einträgen',
  'Go to line {0} of {1}': 'In {1} zu Zeile {0} wechseln',
  Clear: 'Löschen',
};

describe('webviews: t (UI text of the webviews)', () => {
  describe('without a bundle (English)', () => {
    it('returns the message itself', () => {
      assert.equal(t('Clear every filter'), 'Clear every filter');
    });

    it('fills {0}-style placeholders from the arguments, numbers included', () => {
      assert.equal(t('{0} of {1} records', '1,234', '5,000'), '1,234 of 5,000 records');
      assert.equal(t('{0} to {1}: {2} errors, {3} warnings, {4} records', '10:00', '10:05', 3, 0, 120), '10:00 to 10:05: 3 errors, 0 warnings, 120 records');
      assert.equal(t('{0}, line {1} (again {0})', 'CAS.log', 7), 'CAS.log, line 7 (again CAS.log)');
    });

    it('leaves a placeholder without an argument as it is', () => {
      assert.equal(t('Go to line {0} of {1}', 12), 'Go to line 12 of {1}');
      assert.equal(t('Findings ({0})'), 'Findings ({0})');
      assert.equal(t('{name} and {0}', 'x'), '{name} and x');
    });

    it('does not substitute inside an argument (braces in log text stay)', () => {
      assert.equal(t('Invalid regular expression: {0}', 'a{1}b'), 'Invalid regular expression: a{1}b');
      assert.equal(t('{0} / {1}', '{1}', 'x'), '{1} / x');
    });
  });

  describe('with a translated bundle', () => {
    const translate = translator(readBundle(pageWith(JSON.stringify(GERMAN))));

    it('translates, and the translation may reorder the placeholders', () => {
      assert.equal(translate('Clear'), 'Löschen');
      assert.equal(translate('{0} of {1} records', '12', '1.500'), '12 von 1.500 Einträgen');
      assert.equal(translate('Go to line {0} of {1}', 40, 'smsts.log'), 'In smsts.log zu Zeile 40 wechseln');
    });

    it('falls back to English for a message the bundle lacks', () => {
      assert.equal(translate('Timeline'), 'Timeline');
      assert.equal(translate('Findings ({0})', 3), 'Findings (3)');
      assert.equal(translate('toString'), 'toString');
    });

    it('is what t gives on a page whose document holds the bundle', () => {
      const global = globalThis as { document?: BundleSource };
      const before = global.document;
      global.document = pageWith(JSON.stringify(GERMAN));
      try {
        assert.equal(t('{0} of {1} records', '12', '1.500'), '12 von 1.500 Einträgen');
        assert.equal(t('Timeline'), 'Timeline');
      } finally {
        if (before === undefined) delete global.document;
        else global.document = before;
      }
      assert.equal(t('Clear'), 'Clear', 'back to English once the page is gone');
    });
  });

  describe('reading the bundle from the page', () => {
    it('is English ({}) when there is no page, no block, or the block is not a JSON object', () => {
      assert.deepEqual(readBundle(undefined), {});
      assert.deepEqual(readBundle(pageWith(null)), {});
      assert.deepEqual(readBundle(pageWith('')), {});
      assert.deepEqual(readBundle(pageWith('{"Clear": "Lösch')), {});
      assert.deepEqual(readBundle(pageWith('["Clear"]')), {});
      assert.deepEqual(readBundle(pageWith('null')), {});
    });

    it('keeps only string translations', () => {
      assert.deepEqual(readBundle(pageWith('{"Clear":"Löschen","Timeline":{"message":"x"},"Regex":7}')), { Clear: 'Löschen' });
    });
  });
});
