import * as vscode from 'vscode';
import { DisposableStore } from '../platform/lifecycle';
import { credentialKey } from './siteEntry';

/**
 * Site passwords in VS Code's SecretStorage (the OS keychain), keyed
 * `sccm.credential/<host>/<user>`. Secrets are shared by every window, so changes made
 * elsewhere arrive through onDidChange and connections pick them up.
 */
export class CredentialStore extends DisposableStore {
  private readonly changed = this.register(new vscode.EventEmitter<string>());
  /** Fires with the secret key that changed (here or in another window). */
  readonly onDidChange = this.changed.event;

  /** Keys this window just wrote: their change event is ours, not news from another window. */
  private readonly ownWrites = new Set<string>();

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this.register(
      secrets.onDidChange((e) => {
        if (!e.key.startsWith('sccm.credential/')) return;
        if (this.ownWrites.delete(e.key)) return;
        this.changed.fire(e.key);
      }),
    );
  }

  getPassword(host: string, userName: string): Thenable<string | undefined> {
    return this.secrets.get(credentialKey(host, userName));
  }

  async hasPassword(host: string, userName: string): Promise<boolean> {
    return (await this.getPassword(host, userName)) !== undefined;
  }

  async storePassword(host: string, userName: string, password: string): Promise<void> {
    const key = credentialKey(host, userName);
    await this.write(key, () => this.secrets.store(key, password));
  }

  async deletePassword(host: string, userName: string): Promise<void> {
    const key = credentialKey(host, userName);
    if ((await this.secrets.get(key)) === undefined) return;
    await this.write(key, () => this.secrets.delete(key));
  }

  /** A failed write fires no change event: forget it, or the next change from another window would be taken for ours. */
  private async write(key: string, change: () => Thenable<void>): Promise<void> {
    this.ownWrites.add(key);
    try {
      await change();
    } catch (err) {
      this.ownWrites.delete(key);
      throw err;
    }
  }
}
