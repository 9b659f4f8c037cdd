import * as vscode from 'vscode';
import { UserCancelledError } from './runAction';

/**
 * Prompts behind an interface (azext `context.ui`), so integration tests can answer them
 * without driving the workbench. Dismissing a prompt throws UserCancelledError.
 */
export interface UserInput {
  showInputBox(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Promise<string>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions, token?: vscode.CancellationToken): Promise<T>;
  /** A modal question; resolves to the chosen button. */
  confirm(message: string, detail: string, ...buttons: string[]): Promise<string>;
}

export class VsCodeUserInput implements UserInput {
  async showInputBox(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Promise<string> {
    const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options }, token);
    if (value === undefined) throw new UserCancelledError();
    return value;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions, token?: vscode.CancellationToken): Promise<T> {
    const pick = await vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options, canPickMany: false }, token);
    if (pick === undefined) throw new UserCancelledError();
    return pick;
  }

  async confirm(message: string, detail: string, ...buttons: string[]): Promise<string> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
    if (choice === undefined) throw new UserCancelledError();
    return choice;
  }
}

/** A scripted answer: the text to type / the label to pick, or a dismissal. */
export type PromptAnswer = string | { cancel: true };

export interface AskedPrompt {
  kind: 'inputBox' | 'quickPick' | 'confirm';
  /** Title, prompt or message of the prompt. */
  text: string;
  password?: boolean;
  /** Labels offered by a quick pick or a confirmation. */
  choices?: string[];
}

/**
 * Test double: answers from a queue, checks input boxes with their own validateInput (a rejected
 * answer fails like a user who cannot press Enter), and records what was asked. A prompt with no
 * answer queued fails at once, so a test never hangs on a box nobody will fill.
 */
export class ScriptedUserInput implements UserInput {
  private queue: PromptAnswer[] = [];
  readonly asked: AskedPrompt[] = [];

  /** Answers for the next prompts, in order; undefined clears them. */
  script(answers: PromptAnswer[] | undefined): void {
    this.queue = answers ? [...answers] : [];
    this.asked.length = 0;
  }

  private next(prompt: AskedPrompt): PromptAnswer {
    this.asked.push(prompt);
    const answer = this.queue.shift();
    if (answer === undefined) throw new Error(`No scripted answer for the prompt "${prompt.text}"`);
    if (typeof answer !== 'string') throw new UserCancelledError();
    return answer;
  }

  async showInputBox(options: vscode.InputBoxOptions): Promise<string> {
    const answer = this.next({ kind: 'inputBox', text: options.title ?? options.prompt ?? '', password: options.password === true }) as string;
    const check = await options.validateInput?.(answer);
    const message = typeof check === 'string' ? check : check?.message;
    if (message) throw new Error(`The answer was refused: ${message}`);
    return answer;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T> {
    const answer = this.next({ kind: 'quickPick', text: options.title ?? options.placeHolder ?? '', choices: items.map((i) => i.label) }) as string;
    const pick = items.find((i) => i.label === answer) ?? items.find((i) => i.label.includes(answer));
    if (!pick) throw new Error(`No item "${answer}" in the quick pick (${items.map((i) => i.label).join(', ')})`);
    return pick;
  }

  async confirm(message: string, _detail: string, ...buttons: string[]): Promise<string> {
    const answer = this.next({ kind: 'confirm', text: message, choices: buttons }) as string;
    if (!buttons.includes(answer)) throw new Error(`No button "${answer}" (${buttons.join(', ')})`);
    return answer;
  }
}
