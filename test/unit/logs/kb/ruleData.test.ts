import * as assert from 'node:assert/strict';
import { hasKeyword, type CompiledRule } from '../../../../src/core/logs/kb/compiledRule';
import { compileFileMatcher, exampleFileName } from '../../../../src/core/logs/kb/fileMatch';
import { BUNDLED_RULE_FILES, bundledRules, compileRuleFiles, RuleValidationError } from '../../../../src/core/logs/kb/ruleLoader';

const rules = bundledRules();

function exampleFileOf(rule: CompiledRule): string {
  return rule.spec.exampleFile ?? exampleFileName(rule.spec.files[0]);
}

/** The signatures that would report this line in this file, as the engine picks them (prefilter, pattern, supersedes). */
function firingOn(line: string, fileName: string): string[] {
  const lower = line.toLowerCase();
  const matched = rules.filter((r) => r.matchesFile(fileName) && hasKeyword(lower, r.keywords) && r.pattern.test(line));
  const superseded = new Set(matched.flatMap((r) => r.spec.supersedes ?? []));
  return matched.filter((r) => !superseded.has(r.id)).map((r) => r.id);
}

describe('knowledge-base rule data', () => {
  it('loads at least 60 valid signatures from the bundled rule files', () => {
    assert.ok(rules.length >= 60, `only ${rules.length} rules`);
    assert.equal(BUNDLED_RULE_FILES.length, 7);
  });

  it('covers every area the product was founded on', () => {
    const ids = new Set(rules.map((r) => r.id));
    for (const id of [
      'OSD-WINPE-NO-NIC',
      'OSD-WINPE-LOG-ENDS-WITHOUT-NETWORK',
      'OSD-POLICY-80004005',
      'OSD-80070002-DRIVER-STEP',
      'OSD-80070002-APPLY-OS',
      'OSD-SETUP-WINDOWS-CODE31',
      'SETUP-DRIVERSTORE-FAIL',
      'OSD-0X00000001-NO-NETWORK',
      'OSD-NO-TASK-SEQUENCE',
      'PXE-DUPLICATE-SMBIOS-GUID',
      'PXE-LOOP-ACCEPTED',
      'PXE-LOOKUP-NEVER-ANSWERED',
    ]) {
      assert.ok(ids.has(id), `missing ${id}`);
    }
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('matches each of its examples, and each holds one of its keywords', () => {
        for (const example of rule.spec.examples) {
          assert.ok(hasKeyword(example.toLowerCase(), rule.keywords), `no keyword of ${rule.id} in: ${example}`);
          assert.ok(rule.pattern.test(example), `${rule.id} does not match: ${example}`);
          assert.ok(rule.matchesFile(exampleFileOf(rule)), `${rule.id} does not apply to ${exampleFileOf(rule)}`);
        }
      });

      it('does not match its counter-examples', () => {
        for (const counter of rule.spec.counterExamples) {
          const fires = hasKeyword(counter.toLowerCase(), rule.keywords) && rule.pattern.test(counter);
          assert.ok(!fires, `${rule.id} matches its counter-example: ${counter}`);
        }
      });

      it('is not reported by another signature on its examples unless the overlap is declared', () => {
        const allowed = new Set([rule.id, ...(rule.spec.overlaps ?? [])]);
        for (const example of rule.spec.examples) {
          const others = firingOn(example, exampleFileOf(rule)).filter((id) => !allowed.has(id));
          assert.deepEqual(others, [], `on "${example}"`);
        }
      });

      it('has short, concrete text and a reference', () => {
        assert.ok(rule.spec.title.length <= 80);
        assert.ok(/^https?:\/\//.test(rule.spec.reference));
        assert.ok(rule.spec.cause.length >= 40 && rule.spec.fix.length >= 40);
      });
    });
  }

  it('names the bad entry by id when rule data is invalid', () => {
    const broken = {
      area: 'test',
      rules: [
        { ...rules[0].spec, id: 'TEST-BAD-PATTERN', pattern: '(unclosed' },
        { ...rules[0].spec, id: 'TEST-NO-TITLE', title: undefined },
        { ...rules[0].spec, id: 'TEST-DISTINCT-NO-GROUP', when: { distinct: { group: 'mac', count: 2 } } },
      ],
    };
    assert.throws(
      () => compileRuleFiles([broken]),
      (err: unknown) => {
        assert.ok(err instanceof RuleValidationError);
        const text = err.problems.join('\n');
        assert.match(text, /TEST-BAD-PATTERN: pattern does not compile/);
        assert.match(text, /TEST-NO-TITLE: title/);
        assert.match(text, /TEST-DISTINCT-NO-GROUP: pattern needs a \(\?<key>/);
        return true;
      },
    );
  });

  it('rejects unknown fields, references to unknown rules and unknown placeholders', () => {
    const base = rules[0].spec;
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...base, id: 'TEST-EXTRA', extra: 1 }, /TEST-EXTRA: \(rule\): Unrecognized key/],
      [{ ...base, id: 'TEST-CORRELATE', correlate: [{ with: 'NOPE-RULE' }] }, /TEST-CORRELATE: correlate.with names unknown rule NOPE-RULE/],
      [{ ...base, id: 'TEST-TEMPLATE', remediation: [{ kind: 'text', label: 'Copy this text', template: 'Use {{secret}} here' }] }, /unknown remediation placeholder \{\{secret\}\}/],
      [{ ...base, id: 'TEST-FLAGS', flags: 'g' }, /TEST-FLAGS: flags/],
    ];
    for (const [rule, problem] of cases) {
      assert.throws(() => compileRuleFiles([{ area: 'test', rules: [rule] }]), problem);
    }
  });

  it('puts a rule file\'s shared remediation where a rule says "use", and names an unknown one', () => {
    const base = rules[0].spec;
    const script = { kind: 'powershell', label: 'Copy the shared script', template: 'Restart-Service -Name WDSServer' };
    const [compiled] = compileRuleFiles([{ area: 'test', remediations: { restartWds: script }, rules: [{ ...base, id: 'TEST-USES', remediation: [{ use: 'restartWds' }] }] }]);
    assert.deepEqual(compiled.spec.remediation, [script]);
    assert.throws(
      () => compileRuleFiles([{ area: 'test', remediations: { restartWds: script }, rules: [{ ...base, id: 'TEST-TYPO', remediation: [{ use: 'restartWDS' }] }] }]),
      /TEST-TYPO: remediation uses unknown shared remediation "restartWDS"/,
    );
    assert.throws(() => compileRuleFiles([{ area: 'test', rules: [{ ...base, id: 'TEST-PROTO', remediation: [{ use: 'toString' }] }] }]), /unknown shared remediation "toString"/);
  });

  it('gives every PXE boot-image failure the same redistribution and restart scripts', () => {
    const bootImageRules = rules.filter((r) => r.spec.remediation?.some((t) => /redistributes the boot images/.test(t.label)));
    assert.ok(bootImageRules.length >= 5, `${bootImageRules.length} rules`);
    const scripts = new Set(bootImageRules.map((r) => JSON.stringify(r.spec.remediation)));
    assert.equal(scripts.size, 1);
  });

  it('matches file names case-insensitively, with globs and .lo_ rollovers', () => {
    const smsts = compileFileMatcher(['smsts*.log']);
    for (const name of ['smsts.log', 'SMSTS.LOG', 'smsts-20191018-103045.log', 'smsts.lo_', 'C:\\Windows\\CCM\\Logs\\smsts.log', 'X:/Windows/Temp/SMSTSLog/smsts.log']) {
      assert.ok(smsts(name), name);
    }
    for (const name of ['smstslog.txt', 'mysmsts.log', 'smsts.log.bak']) assert.ok(!smsts(name), name);
    assert.ok(compileFileMatcher(['*'])('anything.txt'));
    assert.ok(compileFileMatcher(['SMSPXE.log'])('smspxe.lo_'));
  });
});
