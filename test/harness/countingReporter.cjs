// Mocha's spec reporter, plus a JSON summary file the test orchestrator reads
// (mocha allows one reporter per run).
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const results = { passes: 0, failures: [], pending: 0 };
    runner.on('pass', () => results.passes++);
    runner.on('fail', (test, err) => results.failures.push({ title: test.fullTitle(), error: String(err && err.message) }));
    runner.on('pending', () => results.pending++);
    runner.once('end', () => {
      const file = process.env.SCCM_COUNTS_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify(results));
    });
  }
}
module.exports = CountingReporter;
