/**
 * Deterministic CMTrace logs that look like real client logs, for the benchmarks.
 * Same seed, same bytes: figures from two runs compare the same work.
 */
import * as fs from 'node:fs';

/** Small fast PRNG (mulberry32): deterministic content without a dependency. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INFO_MESSAGES: ReadonlyArray<readonly [string, string, string]> = [
  ['CAS', 'Download started for content {pkg}.{ver}', 'contentaccessservice.cpp:2120'],
  ['CAS', 'Location update from CTM for content {pkg}.{ver} and request {guid}', 'contentaccessservice.cpp:1562'],
  ['ContentTransferManager', 'CTM job {guid} entered phase CCM_DOWNLOADSTATUS_DOWNLOADING_DATA', 'ctmjob.cpp:4862'],
  ['DataTransferService', 'DTSJob {guid} in state \'DownloadingData\'.', 'dtsjob.cpp:1188'],
  ['DataTransferService', 'BITS job {guid} is transferring: {n} of {m} bytes.', 'bitsjob.cpp:920'],
  ['CcmExec', 'Service startup notification received for the agent.', 'ccmexec.cpp:1045'],
  ['PolicyAgent_ReplyAssignments', 'Raising event:\r\ninstance of CCM_PolicyAgent_AssignmentsRequested\r\n{\r\n\tClientID = "GUID:{guid}";\r\n\tDateTime = "20240207165352.712000+000";\r\n};', 'event.cpp:729'],
  ['AppEnforce', '+++ Starting Install enforcement for App DT "Install {pkg}" ApplicationDeliveryType - ScopeId_{guid}/DeploymentType_{guid}, Revision - {n}, ContentPath - C:\\Windows\\ccmcache\\{n}, Execution Context - System', 'appprovider.cpp:2365'],
  ['AppEnforce', '    Process {n} terminated with exitcode: 0', 'appexcnlib.cpp:4342'],
  ['UpdatesDeployment', 'Update (Site_{guid}/SUM_{guid}) Progress: Status = ciStateDownloading, PercentComplete = {p}, Result = 0x0', 'updatesmanager.cpp:1043'],
  ['ScanAgent', 'ScanJob({guid}): CScanJob::OnScanComplete - Scan completed successfully, ScanType=1', 'cscanjob.cpp:4197'],
  ['LocationServices', 'Calling back with the following distribution points', 'ccmcontentlocation.cpp:3025'],
];

const PROBLEMS: ReadonlyArray<readonly [string, string, string, number]> = [
  ['CAS', 'Failed to download content {pkg}.{ver}. Error 0x80070002', 'contentaccessservice.cpp:3133', 3],
  ['AppEnforce', 'Unmatched exit code (1603) is considered an execution failure.', 'appexcnlib.cpp:2451', 2],
  ['UpdatesHandler', 'Failed to install update {guid}. Error = 0x87D00324', 'updateshandler.cpp:1821', 3],
  ['DataTransferService', 'Error sending DAV request. HTTP code 404, status \'Not Found\'', 'davdownload.cpp:1302', 2],
  ['TSManager', 'Failed to run the action: Install Application.\r\nThe system cannot find the file specified. (Error: 80070002; Source: Windows)', 'instruction.cxx:3011', 3],
];

function hex(rnd: () => number, digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += '0123456789ABCDEF'[Math.floor(rnd() * 16)];
  return s;
}

/** Writes about `bytes` bytes of CMTrace log to `file` (UTF-8 with BOM, CRLF) and returns the record count. */
export function writeCmtraceLog(file: string, bytes: number, seed = 1): number {
  const rnd = random(seed);
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let records = 0;
  let ms = Date.UTC(2024, 1, 7, 8, 0, 0, 0);
  const pkgs = Array.from({ length: 40 }, () => `P01${hex(rnd, 5)}`);
  const guids = Array.from({ length: 200 }, () => `${hex(rnd, 8)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 12)}`);
  const threads = Array.from({ length: 30 }, () => String(1000 + Math.floor(rnd() * 9000)));
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  fs.writeSync(fd, bom);
  written += bom.length;
  while (written < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 2000; k++) {
      ms += Math.floor(rnd() * 400);
      const d = new Date(ms);
      const problem = rnd() < 0.004 ? PROBLEMS[Math.floor(rnd() * PROBLEMS.length)] : undefined;
      const [component, template, file] = problem ?? INFO_MESSAGES[Math.floor(rnd() * INFO_MESSAGES.length)];
      const type = problem ? problem[3] : rnd() < 0.3 ? 0 : 1;
      const message = template
        .replace(/\{pkg\}/g, pkgs[Math.floor(rnd() * pkgs.length)])
        .replace(/\{ver\}/g, String(1 + Math.floor(rnd() * 9)))
        .replace(/\{guid\}/g, () => guids[Math.floor(rnd() * guids.length)])
        .replace(/\{n\}/g, () => String(Math.floor(rnd() * 100000)))
        .replace(/\{m\}/g, '104857600')
        .replace(/\{p\}/g, String(Math.floor(rnd() * 100)));
      const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
      const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+240`;
      const date = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()}`;
      const thread = threads[Math.floor(rnd() * threads.length)];
      lines.push(`<![LOG[${message}]LOG]!><time="${time}" date="${date}" component="${component}" context="" type="${type}" thread="${thread}" file="${file}">\r\n`);
      records++;
    }
    const chunk = Buffer.from(lines.join(''), 'utf8');
    fs.writeSync(fd, chunk);
    written += chunk.length;
  }
  fs.closeSync(fd);
  return records;
}
