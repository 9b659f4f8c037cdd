import { formatHex, toUnsigned32 } from './errorCodeFormat';

/** An error code printed in a log message. */
export interface FoundErrorCode {
  /** Normalised `0x%08X`, or `ccmsetup:<n>`. */
  code: string;
  /** UTF-16 offset of `text` in the message. */
  index: number;
  length: number;
  /** The code as printed (`0x80070002`, `80070057`, `-2147024894`, `1603`, `0x(80070057)`). */
  text: string;
}

type Reader = (match: RegExpExecArray) => { code: string; index: number; text: string } | null;

interface CodeForm {
  pattern: RegExp;
  read: Reader;
}

// Words after which a short hex value is a code ("Exit code = 0x240001", "hr = 0x8", "GLE = 0x2").
const HEX_CONTEXT =
  '(?:error(?:\\s+code|\\s+status)?|err|hr|hresult|result|status|exit\\s*code|exitcode|return\\s*code|returncode|win32\\s+code|gle|code|returned|returning|failed(?:\\s+with)?)';
// Words after which a decimal number is an exit or error code ("exit code 1603", "error status: 1603",
// "with error 2"). Narrower than HEX_CONTEXT: "status received: 24" or "failed, code 31" are not Win32 codes.
const DECIMAL_CONTEXT =
  '(?:exit\\s*code|exitcode|return\\s*code|returncode|error\\s+code|error\\s+status|exit\\s+status|win32\\s+code|with\\s+error|error\\s*[:=])';
// A hex value after these words is an offset, a size, flags or an id, not a code
// ("offset 0x0000A000", "flags(0x00000008)", "Disk signature [0xFBBC5AB5]", "Rank - 0x00ff0000").
const NOT_A_CODE_BEFORE =
  '(?<!(?:offset|address|addr|base|size|length|len|flags|mask|attributes?|attrib|pointer|signature|serial\\s*number|serial|rank|score|@)\\s*[=:-]?\\s*[([]?)';
// A bare eight-character value after these words is a ConfigMgr object id (site code plus five hex
// digits: package C0100045 in site C01) or a serial number, not a code.
const OBJECT_ID_BEFORE =
  '(?<!(?:package|pkg|program|advert(?:isement)?|deployment|collection|content|image|driver|task\\s*sequence|policy|offer|serial\\s*number|serial)(?:\\s*id)?\\s*[=:]?\\s*[\'"([]?)';
/** A code word just before a value: "Exit code = ", "hr=", "failed with ". */
const CODE_WORD_BEFORE = new RegExp(`\\b${HEX_CONTEXT}\\s*(?:=|:|is)?\\s*\\(?$`, 'i');

/** Whether a code word stands right before the match (within the 40 characters before it). */
function afterCodeWord(match: RegExpExecArray): boolean {
  return CODE_WORD_BEFORE.test(match.input.slice(Math.max(0, match.index - 40), match.index));
}

function fromHex(hex: string): string {
  return formatHex(parseInt(hex, 16) >>> 0);
}

function fromDecimal(text: string): string | null {
  const unsigned = toUnsigned32(Number(text));
  return unsigned === null ? null : formatHex(unsigned);
}

/** Offset of group 1 inside the whole match (the groups here are always the last digits). */
function groupIndex(match: RegExpExecArray, group = 1): number {
  return match.index + match[0].lastIndexOf(match[group]);
}

// Ordered: earlier forms claim their text first, later ones skip overlapping spans.
const FORMS: readonly CodeForm[] = [
  {
    // ccmsetup prints its own return codes, which are not Win32 codes.
    pattern: /CcmSetup is exiting with return code (\d{1,5})\b/gi,
    read: (m) => ({ code: `ccmsetup:${Number(m[1])}`, index: groupIndex(m), text: m[1] }),
  },
  {
    // "Error 0x(80070057)"
    pattern: /0x\(([0-9a-f]{1,8})\)/gi,
    read: (m) => ({ code: fromHex(m[1]), index: m.index, text: m[0] }),
  },
  {
    // "(Error: 00000001; Source: Windows)": eight hex digits even when the high bit is clear.
    pattern: /\bError:\s*([0-9a-f]{8})(?=\s*;\s*Source\b)/gi,
    read: (m) => ({ code: fromHex(m[1]), index: groupIndex(m), text: m[1] }),
  },
  {
    // "0x80070002", "0x00000001"; not inside a longer hex run (addresses, GPT attributes).
    pattern: new RegExp(`${NOT_A_CODE_BEFORE}(?<![\\w.])0x([0-9a-f]{8})(?![0-9a-z_])`, 'gi'),
    read: (m) => {
      const value = parseInt(m[1], 16) >>> 0;
      // Severity bit clear and above the Win32 range: a size, an offset, a rank or flags
      // ("[523239424 / 0x1f300000]"), unless a code word names it ("Exit code = 0x00240001").
      if (value > 0xffff && value < 0x80000000 && !afterCodeWord(m)) return null;
      return { code: formatHex(value), index: m.index, text: m[0] };
    },
  },
  {
    // Short hex only after a code word: "Exit code = 0x240001", "GLE = 0x2", "hr=0x5".
    pattern: new RegExp(`(?<=\\b${HEX_CONTEXT}\\s*(?:=|:|is)?\\s*\\(?)0x([0-9a-f]{1,7})(?![0-9a-z_])`, 'gi'),
    read: (m) => ({ code: fromHex(m[1]), index: m.index, text: m[0] }),
  },
  {
    // Bare failure HRESULTs as a word: "80070002", "[80244007]", "(80041002)". The first digit
    // 8-F (severity bit) and at least one decimal digit keep dates, decimal IDs and words out;
    // the dash checks keep the first group of a GUID out, `#` and `&` device instance ids,
    // `.1` and `:2` the version of a content or package id.
    pattern: new RegExp(`(?<![\\w\\-.\\\\#&])${OBJECT_ID_BEFORE}([89a-f][0-9a-f]{7})(?![\\w&-]|[.:][a-z0-9])(?!\\s*(?:bytes?|[kmg]b)\\b)`, 'gi'),
    read: (m) => {
      const digits = m[1];
      if (!/\d/.test(digits)) return null;
      // Decimal digits only: a count or a size ("free space (bytes) [92471296]") unless it
      // reads as 0x800XXXXX, where the HRESULTs printed without 0x live (80070002, 80004005).
      if (/^\d+$/.test(digits) && !digits.startsWith('80')) return null;
      return { code: fromHex(digits), index: m.index, text: digits };
    },
  },
  {
    // Signed decimal HRESULTs: "-2147024894", "Unmatched exit code (-2016410844)".
    pattern: /(?<![\w.-])-(\d{9,10})(?![\d.])/g,
    read: (m) => {
      const code = fromDecimal(`-${m[1]}`);
      return code ? { code, index: m.index, text: m[0] } : null;
    },
  },
  {
    // Unsigned decimal HRESULTs (0x80000000-0xFFFFFFFF) after a code word: "exit code 2147945410",
    // "hr=2147942402". Without one such a number is a size ("install.esd is 3628584534") or a timeout.
    pattern: /(?<![\w.-])(2[1-9]\d{8}|[34]\d{9})(?![\w.])(?!\s*(?:bytes?|[kmg]b|ms|sec))/gi,
    read: (m) => {
      const value = Number(m[1]);
      if (value < 0x80000000 || value > 0xffffffff || !afterCodeWord(m)) return null;
      return { code: formatHex(value), index: m.index, text: m[1] };
    },
  },
  {
    // Decimal exit/error codes only after a code word: "exit code 1603", "ExitCode: 1603",
    // "error status: 1603", "with error 2". A bare number is never a code.
    pattern: new RegExp(`(?<=\\b${DECIMAL_CONTEXT}\\s*(?:=|:|is)?\\s*\\(?)(-?\\d{1,10})(?!\\d|\\.\\d|\\s*%)`, 'gi'),
    read: (m) => {
      const code = fromDecimal(m[1]);
      return code ? { code, index: m.index, text: m[1] } : null;
    },
  },
];

/**
 * Every error code a message prints, in every form ConfigMgr, Windows Setup, CBS and
 * Windows Update logs use, in order of appearance. GUIDs, thread ids, timestamps,
 * offsets, resource IDs and KB numbers are not codes.
 */
export function findErrorCodes(message: string): FoundErrorCode[] {
  const found: FoundErrorCode[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number): boolean => taken.some(([s, e]) => start < e && end > s);
  for (const form of FORMS) {
    form.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = form.pattern.exec(message)) !== null) {
      if (match[0].length === 0) {
        form.pattern.lastIndex++;
        continue;
      }
      const read = form.read(match);
      if (!read) continue;
      const end = read.index + read.text.length;
      if (overlaps(read.index, end)) continue;
      taken.push([read.index, end]);
      found.push({ code: read.code, index: read.index, length: read.text.length, text: read.text });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
