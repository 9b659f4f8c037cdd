import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { andFilters, buildQueryString, containsFilter, encodeQueryValue, entityPath, longestBackslashFreePart, odataString } from '../../../src/core/site/adminService/odata';
import { wqlContains, wqlEquals, wqlString } from '../../../src/core/site/wql';

/** Reads an OData string literal back (the only escape is a doubled quote). */
function readODataLiteral(literal: string): string {
  assert.ok(literal.startsWith("'") && literal.endsWith("'"), 'quoted');
  const inner = literal.slice(1, -1);
  assert.ok(!/(^|[^'])'([^']|$)/.test(inner.replace(/''/g, '')), 'no lone quote inside');
  return inner.replace(/''/g, "'");
}

/** Reads a WQL string literal back (backslash escapes the next character). */
function readWqlLiteral(literal: string): string {
  assert.ok(literal.startsWith("'") && literal.endsWith("'"));
  let out = '';
  for (let i = 1; i < literal.length - 1; i++) {
    const c = literal[i];
    if (c === '\\') out += literal[++i];
    else {
      assert.notEqual(c, "'", 'an unescaped quote would end the literal early');
      out += c;
    }
  }
  return out;
}

describe('query escaping (OData $filter and WQL)', () => {
  describe('OData', () => {
    it("doubles single quotes: O'Brien's PCs", () => {
      assert.equal(odataString("O'Brien's PCs"), "'O''Brien''s PCs'");
      assert.equal(containsFilter('Name', "it's"), "contains(Name,'it''s')");
    });

    it('any text survives as one literal', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (text) => {
          assert.equal(readODataLiteral(odataString(text)), text);
        }),
      );
    });

    it('encodes the query: + as %2B, space as %20, quotes as %27, never a raw +', () => {
      const query = buildQueryString({ filter: containsFilter('Name', "C++ & 'x' #1"), top: 11, skip: 0 });
      assert.equal(query, '?$filter=contains%28Name%2C%27C%2B%2B%20%26%20%27%27x%27%27%20%231%27%29&$top=11');
      assert.ok(!query.slice(1).includes('+'));
    });

    it('decodes back to exactly the filter for any text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme' }), (text) => {
          const filter = containsFilter('Name', text);
          const value = buildQueryString({ filter }).slice('?$filter='.length);
          assert.match(value, /^[A-Za-z0-9\-_.~%]*$/, 'only unreserved characters and escapes');
          assert.equal(decodeURIComponent(value), filter);
        }),
      );
    });

    it('percent-encodes a backslash as %5C', () => {
      assert.equal(encodeQueryValue('DOM\\user'), 'DOM%5Cuser');
    });

    it('finds the longest backslash-free piece of a search', () => {
      assert.equal(longestBackslashFreePart('LAB\\Servers Patching'), 'Servers Patching');
      assert.equal(longestBackslashFreePart('\\\\'), '');
    });

    it('skips $skip=0 and joins filters with and', () => {
      assert.equal(buildQueryString({ orderby: ['Name', 'CollectionID'], top: 5, skip: 0 }), '?$orderby=Name%2CCollectionID&$top=5');
      assert.equal(andFilters('A eq 1', undefined, false, 'B eq 2'), '(A eq 1) and (B eq 2)');
      assert.equal(andFilters('A eq 1'), 'A eq 1');
    });

    it('writes keys as the reference shows and refuses unvalidated ones', () => {
      assert.equal(entityPath('SMS_Collection', 'PS100012'), "SMS_Collection('PS100012')");
      assert.equal(entityPath('SMS_R_System', 16777220), 'SMS_R_System(16777220)');
      assert.throws(() => entityPath('SMS_Collection', "x')/foo"));
    });
  });

  describe('WQL', () => {
    it('escapes backslash and quote with a backslash', () => {
      assert.equal(wqlString("LAB\\O'Brien"), "'LAB\\\\O\\'Brien'");
      assert.equal(wqlEquals('ResourceID', 16777220), 'ResourceID = 16777220');
    });

    it('any text survives as one literal', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (text) => {
          assert.equal(readWqlLiteral(wqlString(text)), text);
        }),
      );
    });

    it('brackets LIKE wildcards so they match themselves', () => {
      assert.equal(wqlContains('Name', '50%_[x]'), "Name LIKE '%50[%][_][[]x]%'");
    });
  });
});
