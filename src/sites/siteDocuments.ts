import type { Collection, Deployment, Device } from '../core/site/model';
import { cell, escapeMarkdown, formatOnly, formatUtc, table, type Translate } from '../tree/text';

/**
 * Markdown for the read-only documents the site commands open (device properties, deployments
 * of a collection). Pure: the content provider only serves the text.
 */

function value(v: unknown, t: Translate): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? cell(v.map(String).join(', ')) : '—';
  if (typeof v === 'boolean') return v ? t('Yes') : t('No');
  return cell(String(v));
}

/** Every property of the device record, in model order, with friendly labels. */
export function devicePropertiesMarkdown(d: Device, siteName: string, t: Translate = formatOnly): string {
  const rows: Array<[string, string]> = [
    [t('Name'), value(d.name, t)],
    [t('Resource ID'), value(d.resourceId, t)],
    [t('NetBIOS name'), value(d.netbiosName, t)],
    [t('Domain'), value(d.domain, t)],
    [t('Client installed'), value(d.clientInstalled, t)],
    [t('Client active'), value(d.clientActive, t)],
    [t('Client version'), value(d.clientVersion, t)],
    [t('Obsolete'), value(d.obsolete, t)],
    [t('MAC addresses'), value(d.macAddresses, t)],
    [t('SMBIOS GUID'), value(d.smbiosGuid, t)],
    [t('IP addresses'), value(d.ipAddresses, t)],
    [t('Operating system'), value(d.operatingSystem, t)],
    [t('Last logon user'), value(d.lastLogonUser, t)],
    [t('Last logon user domain'), value(d.lastLogonUserDomain, t)],
    [t('AD site'), value(d.adSiteName, t)],
    [t('Distinguished name'), value(d.distinguishedName, t)],
    [t('SMS unique identifier'), value(d.smsUniqueIdentifier, t)],
    [t('Created'), value(formatUtc(d.creationDate), t)],
  ];
  return `# ${escapeMarkdown(d.name)}\n\n${t('Device on site {0}', escapeMarkdown(siteName))}\n\n${table(rows, [t('Property'), t('Value')])}\n`;
}

/** Literal t() calls, so scripts/l10n.mjs puts the labels in the bundle. */
function featureLabel(feature: Deployment['feature'], t: Translate): string {
  switch (feature) {
    case 'application':
      return t('Application');
    case 'program':
      return t('Package program');
    case 'taskSequence':
      return t('Task sequence');
    case 'softwareUpdate':
      return t('Software updates');
    case 'baseline':
      return t('Configuration baseline');
    case 'script':
      return t('Script');
    default:
      return t('Other');
  }
}

/** One table row per deployment, with the targeted / success / error counts. */
export function deploymentsMarkdown(collection: Pick<Collection, 'id' | 'name'>, deployments: readonly Deployment[], t: Translate = formatOnly): string {
  const title = `# ${t('Deployments to {0} ({1})', escapeMarkdown(collection.name), escapeMarkdown(collection.id))}`;
  if (deployments.length === 0) return `${title}\n\n${t('Nothing is deployed to this collection.')}\n`;
  const header = [t('Software'), t('Type'), t('Purpose'), t('Deployment ID'), t('Available'), t('Deadline'), t('Targeted'), t('Success'), t('In progress'), t('Errors'), t('Unknown')];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  const sorted = [...deployments].sort((a, b) => a.softwareName.localeCompare(b.softwareName));
  for (const d of sorted) {
    const intent = d.intent === 'required' ? t('Required') : d.intent === 'available' ? t('Available') : d.intent === 'simulate' ? t('Simulate') : t('Unknown');
    lines.push(
      `| ${[
        cell(d.softwareName),
        featureLabel(d.feature, t),
        intent,
        cell(d.deploymentId),
        cell(formatUtc(d.deploymentTime)),
        cell(formatUtc(d.enforcementDeadline)),
        String(d.numberTargeted),
        String(d.numberSuccess),
        String(d.numberInProgress),
        String(d.numberErrors),
        String(d.numberUnknown),
      ].join(' | ')} |`,
    );
  }
  const summary = deployments.length === 1 ? t('1 deployment.') : t('{0} deployments.', deployments.length);
  return `${title}\n\n${summary}\n\n${lines.join('\n')}\n`;
}
