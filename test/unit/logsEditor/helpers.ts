import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One CMTrace record line (CRLF-terminated), as ConfigMgr writes it. */
export function cmtrace(message: string, options: { time?: string; date?: string; component?: string; type?: number; thread?: number } = {}): string {
  const { time = '10:30:43.112+240', date = '10-18-2019', component = 'TSManager', type = 1, thread = 1964 } = options;
  return `<![LOG[${message}]LOG]!><time="${time}" date="${date}" component="${component}" context="" type="${type}" thread="${thread}" file="engine.cxx:1">\r\n`;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A fresh temporary folder, removed by the returned function. */
export function tempFolder(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sccm-logs-editor-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** SMSPXE.log lines: `mac, guid: device is in the database.` */
export function pxeLookup(mac: string, guid: string): string {
  return cmtrace(`${mac}, ${guid}: device is in the database.`, { component: 'SMSPXE', time: '09:12:03.118-330', date: '03-11-2024' });
}
