/**
 * Shared vocabulary of the log engine. Used by the parsers, the knowledge base,
 * the CLI, the VS Code layer and (as plain data) the log viewer webview.
 * This file must stay free of Node and VS Code imports: the webview compiles it too.
 */

export type LogFormat =
  | 'cmtrace'
  | 'legacy'
  | 'panther'
  | 'windowsupdate'
  | 'windowsupdate10'
  | 'setupapi'
  | 'iis'
  | 'plain';

export type LogEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Severity as the log itself states it (CMTrace type 3/2/1, Panther level, ...). */
export type Severity = 'error' | 'warning' | 'info';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** One log record, materialised. A multi-line message is one record. */
export interface LogEntry {
  /** Position of the record in its log (0-based). */
  index: number;
  /** 1-based first physical line of the record in the file. */
  line: number;
  /** 1-based last physical line of the record. */
  endLine: number;
  /** Local time as written in the log: `YYYY-MM-DDTHH:MM:SS.mmm`, or null when the record has none. */
  localTime: string | null;
  /** UTC (`...Z`) when the log states the zone (CMTrace bias, IIS), otherwise null. */
  utc: string | null;
  /** Milliseconds since the epoch of `utc`, for sorting and merging; null when unknown. */
  utcMs: number | null;
  /** `localTime` as if it were UTC, in ms: orders records of logs without a zone. */
  localMs: number | null;
  /** Time-zone bias in minutes as logged (UTC = local + bias); null when absent. */
  biasMinutes: number | null;
  component: string;
  thread: string;
  severity: Severity;
  message: string;
  /** 'fragment': text found outside any record (a torn CMTrace write), kept rather than dropped. */
  kind: 'record' | 'fragment';
  /** CMTrace `file=` attribute (source file:line), when present. */
  sourceFile?: string;
  /** 0-based UTF-16 column where the message text starts on `line` (for editor ranges). */
  messageColumn: number;
}

/** A position in a file, for related information across logs. */
export interface LogLocation {
  path: string;
  line: number;
  endLine: number;
  message: string;
}

/** Something a person can copy and run or paste to fix a finding. */
export interface Remediation {
  kind: 'registry' | 'powershell' | 'text';
  /** Short label for a quick fix, e.g. "Copy the BannedGuids registry value". */
  label: string;
  text: string;
}

/** One thing worth telling the admin about a log. */
export interface Finding {
  /** 1-based line range of the record that triggered it. */
  line: number;
  endLine: number;
  /** 0-based UTF-16 columns of the matched text on `line` / `endLine` (whole record when absent). */
  startColumn?: number;
  endColumn?: number;
  severity: Severity;
  /** Knowledge-base id, or null for an error record the knowledge base does not know. */
  rule: string | null;
  /** Error code found in the message, normalised `0x%08X` (or `ccmsetup:<n>`), or null. */
  code: string | null;
  /** Official message of that code, or null. */
  codeMessage: string | null;
  title: string;
  cause: string;
  fix: string;
  reference: string | null;
  /** Index of the record in its log. */
  recordIndex: number;
  /** Correlated lines, in this log or another one (smsts.log with setuperr.log, ...). */
  related?: LogLocation[];
  /** Ready-to-use remediation built from what the log shows (e.g. the duplicate GUIDs). */
  remediation?: Remediation[];
  /**
   * For an error record no rule explains: how many records of this log say the same thing
   * (same component, code and wording, ids aside). The first one is the finding; the others
   * are listed in `related` (up to a cap). Absent when it occurred once.
   */
  repeats?: number;
}

/** One file in the `sccm-workbench logs scan --json` contract. */
export interface ScanFileResult {
  path: string;
  format: LogFormat;
  encoding: LogEncoding;
  records: number;
  counts: SeverityCounts;
  findings: Finding[];
  entries?: LogEntry[];
}

/** What is known about an error code. */
export interface ErrorCodeInfo {
  /** `0x%08X`, or `ccmsetup:<n>` for ccmsetup exit codes. */
  hex: string;
  unsigned: number;
  signed: number;
  name: string | null;
  message: string;
  /** win32, hresult, hresult-win32, configmgr, windowsupdate, bits, wmi, setup, ccmsetup, ... */
  category: string;
  /** Attribution of the message (source key and URL). */
  source: string;
  sourceUrl: string | null;
  /** For HRESULT_FROM_WIN32 codes, the Win32 code. */
  win32?: number;
  /** For BITS 0x8019xxxx codes, the HTTP status inside. */
  httpStatus?: number;
}
