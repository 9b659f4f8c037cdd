import * as vscode from 'vscode';
import type { CollectionMember, Device } from '../../core/site/model';
import type { CancellationTokenLike } from '../../core/util/cancellation';
import { deviceContextValue } from '../contextValue';
import { describeClientState, deviceTooltip, memberTooltip } from '../tooltips';
import { TreeIds } from '../treeIds';
import { SitesTreeNode, type SiteScope } from './SitesTreeNode';

export function deviceIcon(m: Pick<CollectionMember, 'isClient' | 'isActive'>): vscode.ThemeIcon {
  if (!m.isClient) return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('disabledForeground'));
  if (!m.isActive) return new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon('vm', new vscode.ThemeColor('charts.green'));
}

/** A member of a collection. Its full record (MACs, IPs, OS...) is read when its tooltip is first shown. */
export class DeviceNode extends SitesTreeNode {
  readonly id: string;
  private device: Device | undefined;

  constructor(
    parent: SitesTreeNode,
    readonly scope: SiteScope,
    readonly collectionId: string,
    public member: CollectionMember,
  ) {
    super(parent);
    this.id = TreeIds.device(scope.entry.name, collectionId, member.resourceId);
  }

  update(member: CollectionMember): void {
    if (JSON.stringify(member) !== JSON.stringify(this.member)) this.device = undefined;
    this.member = member;
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.scope.services;
    const item = new vscode.TreeItem(this.member.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = describeClientState(this.member, t);
    item.iconPath = deviceIcon(this.member);
    item.contextValue = deviceContextValue(this.member);
    // The tooltip stays unset so VS Code asks resolveTreeItem on hover (one device read, not one per row).
    item.accessibilityInformation = { label: `${this.member.name}, ${describeClientState(this.member, t)}` };
    return item;
  }

  /** The SMS_R_System record, read once. */
  async loadDevice(token?: CancellationTokenLike): Promise<Device> {
    if (!this.device) {
      const backend = await this.scope.backend();
      this.device = await backend.getDevice(this.member.resourceId, { token });
    }
    return this.device;
  }

  override async resolveTooltip(token: vscode.CancellationToken): Promise<vscode.MarkdownString> {
    const { t, logger } = this.scope.services;
    let text: string;
    try {
      text = deviceTooltip(await this.loadDevice(token), this.member, t);
    } catch (err) {
      logger.warn(`Reading device ${this.member.resourceId} for its tooltip failed: ${err instanceof Error ? err.message : String(err)}`);
      text = memberTooltip(this.member, t, t('The full device record could not be read.'));
    }
    return new vscode.MarkdownString(text);
  }
}
