import * as assert from 'node:assert/strict';
import { LabHttpError, type Column, type LabClass } from '../../../src/core/lab/classes/types';
import { compileFilter } from '../../../src/core/lab/odata/compileFilter';
import { FilterSyntaxError, parseFilter } from '../../../src/core/lab/odata/filterParser';

interface Row {
  id: number;
  name: string;
  owner: string | null;
  client: boolean;
  seen: string;
  tags: string[];
}

const rows: Row[] = [
  { id: 1, name: "O'Brien-PC", owner: 'LAB\\obrien', client: true, seen: '2025-01-10T08:00:00Z', tags: ['Finance', 'Pilot'] },
  { id: 2, name: 'WKS-LON-00001', owner: 'lab\\jsmith', client: true, seen: '2025-03-01T12:30:00Z', tags: ['Finance'] },
  { id: 3, name: 'SRV-LON-SQL001', owner: null, client: false, seen: '2024-12-24T00:00:00Z', tags: [] },
  { id: 4, name: 'wks-nyc-00002', owner: 'LAB\\amelia', client: true, seen: '2025-05-05T05:05:05Z', tags: ['HR', 'VIP'] },
];

const column = <T>(name: string, type: Column<Row>['type'], get: (r: Row) => T): Column<Row> => ({ name, type, get });
const cls: LabClass<Row> = {
  name: 'Test_Class',
  keys: ['ResourceID'],
  columns: [
    column('ResourceID', 'int', (r) => r.id),
    column('Name', 'string', (r) => r.name),
    column('LastLogonUserName', 'string', (r) => r.owner),
    column('IsClient', 'bool', (r) => r.client),
    column('LastSeen', 'datetime', (r) => r.seen),
    column('Tags', 'string[]', (r) => r.tags),
  ],
  rows: () => rows,
  findByKey: () => undefined,
};

const ids = (filter: string): number[] => rows.filter(compileFilter(parseFilter(filter), cls)).map((r) => r.id);

describe('lab OData $filter', () => {
  const table: Array<[string, number[]]> = [
    ["Name eq 'O''Brien-PC'", [1]],
    ["name eq 'wks-lon-00001'", [2]],
    ["Name ne 'O''Brien-PC'", [2, 3, 4]],
    ['ResourceID gt 2', [3, 4]],
    ['ResourceID ge 2 and ResourceID le 3', [2, 3]],
    ['ResourceID lt 2 or ResourceID eq 4', [1, 4]],
    ['ResourceID eq 1 or ResourceID eq 2 and IsClient eq false', [1]],
    ['(ResourceID eq 1 or ResourceID eq 3) and IsClient eq false', [3]],
    ['not (IsClient eq true)', [3]],
    ['not IsClient eq true', [3]],
    ["startswith(Name,'WKS-') eq true", [2, 4]],
    ["startswith(Name,'WKS-')", [2, 4]],
    ["endswith(Name, '001')", [2, 3]],
    ["contains(Name,'lon') eq true", [2, 3]],
    ["contains(Name,'lon') eq false", [1, 4]],
    ["tolower(Name) eq 'srv-lon-sql001'", [3]],
    ['LastLogonUserName eq null', [3]],
    ['LastLogonUserName ne null', [1, 2, 4]],
    ["LastLogonUserName eq 'LAB\\jsmith'", [2]],
    ["Tags/any(t: t eq 'Finance')", [1, 2]],
    ["Tags/any(t: t eq 'vip' or t eq 'pilot')", [1, 4]],
    ['Tags/any()', [1, 2, 4]],
    ["Tags/all(t: t ne 'HR')", [1, 2, 3]],
    ['LastSeen gt 2025-01-31T00:00:00Z', [2, 4]],
    ['LastSeen lt 2025-01-01T00:00:00Z', [3]],
    ['length(Name) eq 13', [2, 4]],
  ];
  for (const [filter, expected] of table) {
    it(`${filter} → ${JSON.stringify(expected)}`, () => assert.deepEqual(ids(filter), expected));
  }

  it('matches string equality case-insensitively, like the provider', () => {
    assert.deepEqual(ids("Name eq 'WKS-NYC-00002'"), [4]);
  });

  it('rejects malformed filters with a syntax error', () => {
    for (const bad of ["Name eq 'x", 'Name eq', '(Name eq 1', 'Name eq 1)', "Name eq 'a' and", 'Tags/any(t t eq 1)', 'Name ~ 1']) {
      assert.throws(() => parseFilter(bad), FilterSyntaxError, bad);
    }
  });

  it('answers 400 for unknown properties, unknown functions and incompatible types', () => {
    for (const bad of ['Nope eq 1', "Name eq 1", "ResourceID eq 'a'", 'IsClient eq 1', "frobnicate(Name) eq 'x'", 'Tags eq 1', "Name/any(x: x eq 'a')", 'Name', 'and', "LastSeen gt '2025-01-01'"]) {
      assert.throws(
        () => compileFilter(parseFilter(bad), cls),
        (err: unknown) => err instanceof LabHttpError && err.status === 400,
        bad,
      );
    }
  });
});
