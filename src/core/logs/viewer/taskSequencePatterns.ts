/**
 * smsts.log line forms the timeline reads. Each was checked against the real logs in the
 * project's samples (WinPE logs of 2019 and 2024) or against Microsoft's published smsts.log
 * excerpts (the failure forms); see the unit tests for the lines themselves.
 */

/**
 * `Start executing an instruction. Instruction name: Gather local only. Instruction pointer: 1`.
 * Older engines misspell "instrution"; some excerpts omit the pointer.
 */
export const STEP_START = /^Start executing an? instr\w*ion\.\s*Instr\w*ion name:\s*(.+?)(?:\.\s*Instr\w*ion pointer:\s*(\d+))?\.?\s*$/i;

/** `The group (Preinstall) has been successfully started` / `The condition for the group (X) is evaluated to be true`. */
export const GROUP_STARTED = /^The (?:group \((.+)\) has been successfully started|condition for the group \((.+)\) is evaluated to be true)/;
/** `The group (Initialization) has been successfully completed`. */
export const GROUP_COMPLETED = /^The group \((.+)\) has been successfully completed/;
/** `The group (Validation) has been skipped because the condition is evaluated to be false`. */
export const GROUP_SKIPPED = /^The group \((.+)\) has been skipped/;
/** `The execution of the group (Post-Processing) has failed and the execution has been aborted.` */
export const GROUP_FAILED = /^The execution of the group \((.+)\) has failed/;

/** `Successfully completed the action (Gather local only) with the exit win32 code 0`. */
export const ACTION_SUCCEEDED = /^Successfully completed the action \((.+)\) with the exit win32 code (\d+)/;
/** `The action (Enable BitLocker (Offline)) has been skipped because it is disabled`. */
export const ACTION_SKIPPED = /^(?:The action \((.+)\) has been skipped|Execution of the instruction \((.+)\) has been skipped)/;
/**
 * `Failed to run the action: Install Application.\r\n<text> (Error: 80070002; Source: Windows)`,
 * `Failed to run the action: Pre-provision BitLocker. Error -2147024894`,
 * `Failed to run the last action: X. Execution of task sequence failed.`
 */
export const ACTION_FAILED = /^Failed to run the (last )?action:\s*(.+?)\.?(?=\s*(?:\n|$)|\.\s+(?:Error\b|Execution\b))/;
/** `(Error: 80070002; Source: Windows)`: eight hex digits even when the high bit is clear. */
export const ERROR_AND_SOURCE = /\(Error:\s*([0-9A-Fa-f]{8});\s*Source:\s*[^)]*\)/;
/** `Error -2147024894` at the end of a one-line failure. */
export const ERROR_DECIMAL = /\bError\s+(-?\d{1,10})\b/;

/** `Process completed with exit code 2147945410` (unsigned decimal). */
export const EXIT_CODE = /^Process completed with exit code (\d+)/;
/** `Start executing the command line: cscript.exe "%SCRIPTROOT%\ZTIGather.wsf"`. */
export const COMMAND_LINE = /^(?:Start executing the command line|Executing command line):\s*(.+)$/;

/** `SMSTSRebootRequested=WinPE` (component Reboot); an empty value clears the request. */
export const REBOOT_REQUESTED = /^SMSTSRebootRequested=(\S+)/;
/** Status-message and engine wording for a reboot the engine performed or was asked for. */
export const REBOOT_PERFORMED = /(?:performed a system reboot|initiated a reboot request|The task sequence (?:manager|engine) (?:will )?reboot)/i;

/** `==============================[ TSMBootStrap.exe ]==============================`: a new process after a boot. */
export const BOOT_MARKER = /^=+\[ ?([\w.-]+?)(?:\.exe)? ?\]=+$/i;

/** Processes that start the engine in a new boot (others, like OSDSetupWindows, run inside a step). */
export const ENGINE_PROCESSES: ReadonlySet<string> = new Set(['tsbootshell', 'tsmbootstrap', 'osdsetuphook', 'tsmanager']);

/** `Task Sequence Engine failed! Code: enExecutionFail`, `Execution of task sequence failed`. */
export const ENGINE_FAILED = /Task Sequence Engine failed!|Execution of task sequence failed/i;
/** `Task sequence completed 0x00000000`. */
export const ENGINE_COMPLETED = /^Task sequence completed 0x([0-9A-Fa-f]{8})/i;

/** WinPE evidence: the RAM disk X:\, the WinPE-only boot shell, `/env:WinPE`. */
export const WINPE_PATH = /(?:^|[\s"'=(])X:\\/i;
export const WINPE_COMPONENTS: ReadonlySet<string> = new Set(['tsbootshell', 'tspxe']);
export const WINPE_ENV = /\/(?:env|Register):WinPE\b/i;
/** Full-OS evidence: the setup hook that resumes the sequence in the new OS, the installed client's engine. */
export const FULLOS_COMPONENTS: ReadonlySet<string> = new Set(['osdsetuphook']);
export const FULLOS_PATH = /\bC:\\Windows\\CCM\\(?:TsmBootstrap|TSManager)\.exe/i;

/** The step that installs Windows and the client: the full OS follows its reboot. */
export const SETUP_WINDOWS_STEP = /^Setup Windows and Config(?:Mgr|uration Manager)$/i;

/** Lower-cased keywords: one pass of the store over its text finds the records worth reading. */
export const KEYWORDS = /instr\w*ion name|the group \(|the action|execution of the instruction|failed to run the|process completed with exit code|command line:|smstsreboot|reboot|\]=+|x:\\|tsbootshell|tspxe|osdsetuphook|task sequence engine failed|execution of task sequence failed|task sequence completed/gi;
