import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a stand-in for `pwsh` into `dir`: a Node script that speaks node-powershell's stdin
 * protocol (it echoes the delimiter lines and answers our invocation line), so the runner can be
 * tested on machines without PowerShell. The payload's `Behavior` picks what it does:
 * `echo` answers with the payload, `hang` starts a child process and never answers.
 * It logs its arguments and every invocation line to `<dir>/fake-pwsh.log` (JSON lines).
 */
export function writeFakePwsh(dir: string): string {
  const file = path.join(dir, 'pwsh');
  const log = JSON.stringify(path.join(dir, 'fake-pwsh.log'));
  const source = `#!${process.execPath}
const fs = require('fs');
const { spawn } = require('child_process');
const readline = require('readline');
const log = (entry) => fs.appendFileSync(${log}, JSON.stringify(entry) + '\\n');
log({ argv: process.argv.slice(2), pid: process.pid });
const lines = readline.createInterface({ input: process.stdin });
const queue = [];
let busy = false;
lines.on('line', (line) => { queue.push(line); pump(); });
function pump() {
  if (busy) return;
  while (queue.length > 0) {
    const line = queue.shift();
    const delimiter = /^\\[Console\\]::(Out|Error)\\.WriteLine\\("([^"]*)"\\)$/.exec(line);
    if (delimiter) { (delimiter[1] === 'Out' ? process.stdout : process.stderr).write(delimiter[2] + '\\n'); continue; }
    const call = /FromBase64String\\('([A-Za-z0-9+/=]+)'\\)\\)\\)\\) -EncodedPayload '([A-Za-z0-9+/=]+)'$/.exec(line);
    if (!call) { log({ unexpected: line }); continue; }
    const payload = JSON.parse(Buffer.from(call[2], 'base64').toString('utf8'));
    log({ line, payload });
    if (payload.Behavior === 'hang') {
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      log({ child: child.pid });
      busy = true;
      return;
    }
    process.stdout.write(JSON.stringify({ ok: true, data: payload }) + '\\n');
  }
}
`;
  fs.writeFileSync(file, source, { mode: 0o755 });
  return file;
}

export interface FakePwshLogEntry {
  argv?: string[];
  pid?: number;
  line?: string;
  payload?: Record<string, unknown>;
  child?: number;
  unexpected?: string;
}

export function readFakePwshLog(dir: string): FakePwshLogEntry[] {
  const file = path.join(dir, 'fake-pwsh.log');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as FakePwshLogEntry);
}
