/**
 * What smsts.log says about where the task sequence is: the running step and whether
 * this boot has a network. Stateful rules ask it ("0x80070002 during Auto Apply Drivers",
 * "0x00000001 with no network after the reboot").
 */

export type NetworkState = 'unknown' | 'absent' | 'present';

const STEP_START = /Start executing an instruction\. Instruction name: ([^\r\n]+?)\. Instruction pointer/;
const STEP_VARIABLE = /Set a global environment variable _SMSTSCurrentActionName=([^\r\n]+)/;
const STEP_FAILED = /Failed to run the action: ([^\r\n]+?)\.?\s*(?:[\r\n]|$)/;

/** A new process of the task-sequence engine after a boot: what we knew about the network is stale. */
const BOOT_MARKER = /=+\[ (?:TSMBootStrap|OSDSetupHook)\.exe \]=+/i;

const IPV4 = '\\d{1,3}(?:\\.\\d{1,3}){3}';
const NETWORK_PRESENT = new RegExp(`(?:with IP Address|IPv4 Address[ .]*:)\\s*(?!0\\.0\\.0\\.0|169\\.254\\.)${IPV4}`, 'i');
const NETWORK_ABSENT = new RegExp(
  [
    'Failed to find a valid network adapter',
    'There are no network adapters',
    'No network adapters? (?:were )?found',
    'unknown host \\(gethostbyname failed\\)',
    `with IP Address (?:0\\.0\\.0\\.0|169\\.254\\.)`,
    'Media disconnected',
    `Autoconfiguration IPv4 Address[ .]*:\\s*169\\.254\\.`,
  ].join('|'),
  'i',
);

/** Lower-cased literals that let the prefilter bring the lines above to the tracker. */
export const CONTEXT_KEYWORDS: readonly string[] = [
  'instruction name:',
  '_smstscurrentactionname=',
  'failed to run the action',
  'tsmbootstrap.exe',
  'osdsetuphook.exe',
  'ip address',
  'ipv4 address',
  'network adapter',
  'gethostbyname',
  'media disconnected',
];

export class TaskSequenceContext {
  stepName: string | null = null;
  /** Increases with every step that starts, so "once per step" survives repeated step names. */
  stepInstance = 0;
  network: NetworkState = 'unknown';

  /** Updates the state from one record (call for records in log order). */
  observe(message: string): void {
    if (BOOT_MARKER.test(message)) this.network = 'unknown';
    const started = STEP_START.exec(message);
    if (started) {
      this.enterStep(started[1], true);
    } else {
      const named = STEP_VARIABLE.exec(message) ?? STEP_FAILED.exec(message);
      if (named) this.enterStep(named[1], false);
    }
    if (NETWORK_ABSENT.test(message)) this.network = 'absent';
    else if (NETWORK_PRESENT.test(message)) this.network = 'present';
  }

  private enterStep(name: string, always: boolean): void {
    const trimmed = name.trim();
    if (always || trimmed !== this.stepName) this.stepInstance++;
    this.stepName = trimmed;
  }
}
