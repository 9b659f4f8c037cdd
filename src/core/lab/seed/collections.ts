import { siteObjectId } from '../format';
import type { CollectionRecord, DeviceRecord, FolderRecord, RuleRecord, ScheduleToken, SiteRecord } from '../state/model';
import type { DeviceFacts } from './devices';
import { vendorFolder } from './folders';
import type { Prng } from './prng';
import { APP_CATALOG } from './software';
import { BASELINES, DEPARTMENTS, MAINTENANCE_WINDOWS, type Location } from './vocabulary';

const DAY = 86_400_000;
/** The console's default select list for a new query rule. */
const SELECT =
  'select SMS_R_SYSTEM.ResourceID,SMS_R_SYSTEM.ResourceType,SMS_R_SYSTEM.Name,SMS_R_SYSTEM.SMSUniqueIdentifier,SMS_R_SYSTEM.ResourceDomainORWorkgroup,SMS_R_SYSTEM.Client from SMS_R_System';
const wqlString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const RING_DIGITS = ['0', '[1-3]', '[4-7]', '[89]'];
const RING_LABELS = ['Pilot', 'Early Adopters', 'Broad', 'Late'];
const OSD_WAVE_DIGITS = ['[0-1]', '[2-4]', '[5-7]', '[89]'];

interface Ctx {
  prng: Prng;
  site: SiteRecord;
  generatedAt: number;
  folders: Map<string, number>;
  devicesBy: Map<string, DeviceRecord[]>;
  byName: Map<string, CollectionRecord>;
  out: CollectionRecord[];
  nextNumber: number;
}

type Spec = (ctx: Ctx) => void;

/**
 * Built-in collections, a few broad ones at the root, then `target` collections drawn from
 * realistic families (locations, departments, patch rings, maintenance windows, per-site and
 * per-department application collections, OSD waves, client health, baselines, pilots),
 * interleaved by weight so a small preset still has a bit of everything.
 */
export function generateCollections(
  prng: Prng,
  site: SiteRecord,
  locations: readonly Location[],
  devices: readonly DeviceRecord[],
  facts: readonly DeviceFacts[],
  folders: readonly FolderRecord[],
  target: number,
  generatedAt: number,
): CollectionRecord[] {
  const devicesBy = new Map<string, DeviceRecord[]>();
  devices.forEach((d, i) => {
    if (d.obsolete) return;
    const f = facts[i];
    for (const key of [`${f.kind}|${f.location.code}`, `${f.kind}|${f.location.code}|${f.department ?? ''}`]) {
      const list = devicesBy.get(key);
      if (list) list.push(d);
      else devicesBy.set(key, [d]);
    }
  });
  const ctx: Ctx = { prng, site, generatedAt, folders: new Map(folders.map((f) => [f.path, f.containerNodeId])), devicesBy, byName: new Map(), out: [], nextNumber: 0x20 };
  addBuiltIns(ctx, locations[0]);
  // Shuffled so a small preset gets many different apps, sites and departments.
  const families: Array<{ weight: number; specs: Spec[] }> = [
    { weight: 4, specs: locationSpecs(locations) },
    { weight: 3, specs: shuffle(prng, departmentSpecs(locations)) },
    { weight: 3, specs: ringSpecs(locations) },
    { weight: 3, specs: serverSpecs(locations) },
    { weight: 6, specs: shuffle(prng, appSiteSpecs(locations)) },
    { weight: 8, specs: shuffle(prng, appDepartmentSpecs(locations)) },
    { weight: 2, specs: osdSpecs(locations) },
    { weight: 2, specs: healthSpecs(locations) },
    { weight: 2, specs: baselineSpecs(locations) },
    { weight: 1, specs: pilotSpecs(locations) },
  ];
  const order: Array<{ at: number; family: number; spec: Spec }> = [];
  families.forEach((family, f) => family.specs.forEach((spec, i) => order.push({ at: i / family.weight, family: f, spec })));
  order.sort((a, b) => a.at - b.at || a.family - b.family);
  const goal = ctx.out.length + target;
  for (const { spec } of order) {
    if (ctx.out.length >= goal) break;
    spec(ctx);
  }
  for (let batch = 1; ctx.out.length < goal; batch++) migrationBatch(ctx, locations, batch);
  return ctx.out;
}

function shuffle<T>(prng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function make(ctx: Ctx, name: string, comment: string, folderPath: string, limitTo: string | null, rules: RuleRecord[], refreshType?: number): CollectionRecord | null {
  if (ctx.byName.has(name)) return null;
  const { prng, generatedAt } = ctx;
  const type = refreshType ?? prng.weighted([[2, 70], [6, 20], [1, 10]] as const);
  const created = generatedAt - prng.range(10, 1400) * DAY;
  const collection: CollectionRecord = {
    collectionId: siteObjectId(ctx.site.siteCode, ctx.nextNumber++),
    name,
    comment,
    collectionType: 2,
    limitToCollectionId: limitTo,
    rules,
    refreshType: type,
    refreshSchedule: type & 2 ? [dailySchedule(created, prng)] : [],
    isBuiltIn: false,
    folderId: folderPath === '/' ? 0 : (ctx.folders.get(folderPath) ?? 0),
    createdTime: created,
    lastChangeTime: created + prng.int(Math.max(1, generatedAt - created)),
    lastRefreshTime: null,
    lastMemberChangeTime: null,
    currentStatus: 1,
    fullEvaluationRunTime: 0,
    fullEvaluationMemberChanges: 0,
  };
  ctx.out.push(collection);
  ctx.byName.set(name, collection);
  return collection;
}

function dailySchedule(created: number, prng: Prng): ScheduleToken {
  const start = new Date(created - (created % DAY) + prng.range(0, 23) * 3_600_000).toISOString().replace('.000Z', 'Z');
  return { '@odata.type': '#AdminService.SMS_ST_RecurInterval', DayDuration: 0, DaySpan: prng.pick([1, 1, 1, 7]), HourDuration: 0, HourSpan: 0, IsGMT: false, MinuteDuration: 0, MinuteSpan: 0, StartTime: start };
}

let queryIds = 0;
const query = (ruleName: string, where: string | null): RuleRecord => ({ kind: 'query', ruleName, queryId: ++queryIds, queryExpression: where ? `${SELECT} where ${where}` : 'select * from SMS_R_System' });
const direct = (devices: readonly DeviceRecord[]): RuleRecord[] =>
  devices.map((d) => ({ kind: 'direct', ruleName: d.name, resourceClassName: 'SMS_R_System', resourceId: d.resourceId }));
const include = (c: CollectionRecord): RuleRecord => ({ kind: 'include', ruleName: c.name, collectionId: c.collectionId });
const exclude = (c: CollectionRecord): RuleRecord => ({ kind: 'exclude', ruleName: c.name, collectionId: c.collectionId });

function sample(ctx: Ctx, key: string, min: number, max: number): DeviceRecord[] {
  const pool = ctx.devicesBy.get(key) ?? [];
  const n = Math.min(pool.length, ctx.prng.range(min, max));
  const picked = new Set<DeviceRecord>();
  while (picked.size < n) picked.add(pool[ctx.prng.int(pool.length)]);
  return [...picked];
}

function addBuiltIns(ctx: Ctx, home: Location): void {
  queryIds = 0;
  // All Systems and All Desktop and Server Clients use incremental updates, as on a default site.
  const builtIn = (id: string, name: string, comment: string, type: number, limit: string | null, rules: RuleRecord[]): void => {
    const c = make(ctx, name, comment, '/', limit, rules, id === 'SMS00001' || id === 'SMSDM003' ? 6 : 2);
    if (!c) return;
    ctx.nextNumber--;
    Object.assign(c, { collectionId: id, collectionType: type, isBuiltIn: true, createdTime: ctx.generatedAt - 1500 * DAY, lastChangeTime: ctx.generatedAt - 1500 * DAY });
  };
  builtIn('SMS00001', 'All Systems', 'All Systems', 2, null, [query('All Systems', null)]);
  builtIn('SMS00002', 'All Users', 'All Users', 1, null, [{ kind: 'query', ruleName: 'All Users', queryId: ++queryIds, queryExpression: 'select * from SMS_R_User' }]);
  builtIn('SMS00003', 'All User Groups', 'All User Groups', 1, null, [{ kind: 'query', ruleName: 'All User Groups', queryId: ++queryIds, queryExpression: 'select * from SMS_R_UserGroup' }]);
  builtIn('SMS00004', 'All Users and User Groups', 'All Users and User Groups', 1, null, [
    { kind: 'include', ruleName: 'All Users', collectionId: 'SMS00002' },
    { kind: 'include', ruleName: 'All User Groups', collectionId: 'SMS00003' },
  ]);
  builtIn('SMSDM001', 'All Mobile Devices', 'All Mobile Devices', 2, 'SMS00001', [query('All Mobile Devices', 'SMS_R_System.ClientType = 3')]);
  builtIn('SMSDM003', 'All Desktop and Server Clients', 'All Desktop and Server Clients', 2, 'SMS00001', [query('All Desktop and Server Clients', 'SMS_R_System.ClientType = 1')]);
  make(ctx, 'All Windows Workstations', 'Every Windows 10/11 workstation, laptop and VDI desktop', '/', 'SMS00001', [query('Workstation OS', 'SMS_R_System.OperatingSystemNameandVersion like "%Workstation%"')], 6);
  make(ctx, 'All Windows Servers', 'Every Windows Server', '/', 'SMS00001', [query('Server OS', 'SMS_R_System.OperatingSystemNameandVersion like "%Server%"')], 6);
  make(ctx, 'All Windows 11 Workstations', 'Windows 11 23H2 and 24H2', '/', 'SMS00001', [query('Windows 11', 'SMS_R_System.OperatingSystemNameandVersion like "%Workstation%" and SMS_R_System.Build in ("10.0.22631", "10.0.26100")')]);
  make(ctx, 'All Windows 10 Workstations', 'Windows 10 22H2: upgrade targets', '/', 'SMS00001', [query('Windows 10 22H2', 'SMS_R_System.Build = "10.0.19045"')]);
  make(ctx, 'All Laptops', 'Laptops (LAP- naming standard)', '/', 'SMS00001', [query('Laptops', 'SMS_R_System.Name like "LAP-%"')]);
  const pilots = [...sample(ctx, `WKS|${home.code}|IT`, 4, 8), ...sample(ctx, `LAP|${home.code}|IT`, 3, 6), ...sample(ctx, `WKS|${home.code}|Finance`, 2, 4)];
  make(ctx, 'Pilot - Line-of-Business Apps', 'Early validation of line-of-business packages', '/Testing/Pilot', 'SMS00001', direct(pilots.filter((d) => d.client === 1)), 1);
}

const limitOf = (ctx: Ctx, name: string): string => ctx.byName.get(name)?.collectionId ?? 'SMS00001';
const kindLabel: Record<string, [string, string]> = { WKS: ['Workstations', 'All Workstations'], LAP: ['Laptops', 'All Laptops'], VDI: ['VDI', 'VDI Desktops'], SRV: ['Servers', 'All Servers'] };

function locationSpecs(locations: readonly Location[]): Spec[] {
  return locations.flatMap((loc) =>
    (['WKS', 'LAP', 'VDI', 'SRV'] as const).map((kind) => (ctx: Ctx) => {
      const folder = kind === 'SRV' ? '/Servers/Sites' : `/Workstations/${loc.city}`;
      make(ctx, `${kind} - ${loc.city} - ${kindLabel[kind][1]}`, `${kindLabel[kind][0]} in ${loc.city} (AD site ${loc.adSite})`, folder, 'SMS00001', [query(`${kind}-${loc.code}`, `SMS_R_System.Name like "${kind}-${loc.code}-%"`)]);
    }),
  );
}

const ouOf = (ctx: Ctx, loc: Location, dept: string): string => `${ctx.site.dnsDomain.toUpperCase()}/${loc.city.toUpperCase()}/WORKSTATIONS/${dept.toUpperCase()}`;

function departmentSpecs(locations: readonly Location[]): Spec[] {
  return locations.flatMap((loc) =>
    DEPARTMENTS.map((dept) => (ctx: Ctx) => {
      make(ctx, `DEPT - ${loc.city} - ${dept}`, `${dept} workstations and laptops in ${loc.city}`, `/Workstations/${loc.city}`, limitOf(ctx, 'All Windows Workstations'), [query(`OU ${dept}`, `SMS_R_System.SystemOUName = ${wqlString(ouOf(ctx, loc, dept))}`)]);
    }),
  );
}

function ringSpecs(locations: readonly Location[]): Spec[] {
  const perSite = locations.flatMap((loc) =>
    RING_DIGITS.map((digits, r) => (ctx: Ctx) => {
      make(ctx, `SUP - ${loc.city} - Workstations - Ring ${r} (${RING_LABELS[r]})`, `Software update ring ${r} for ${loc.city} desktops`, '/Patching/Rings', 'SMS00001', [
        query(`Ring ${r}`, `SMS_R_System.Name like "WKS-${loc.code}-%" and SMS_R_System.Name like "%${digits}"`),
      ]);
    }),
  );
  const perDepartment = locations.flatMap((loc) =>
    DEPARTMENTS.flatMap((dept) =>
      RING_DIGITS.map((digits, r) => (ctx: Ctx) => {
        make(ctx, `SUP - ${loc.city} - ${dept} - Ring ${r}`, `Ring ${r} (${RING_LABELS[r]}) for ${dept} in ${loc.city}`, '/Patching/Departments', limitOf(ctx, 'All Windows Workstations'), [
          query(`Ring ${r}`, `SMS_R_System.SystemOUName = ${wqlString(ouOf(ctx, loc, dept))} and SMS_R_System.Name like "%${digits}"`),
        ]);
      }),
    ),
  );
  return [...perSite, ...perDepartment];
}

function serverSpecs(locations: readonly Location[]): Spec[] {
  const groups = locations.flatMap((loc) =>
    ['A', 'B'].map((g, i) => (ctx: Ctx) => {
      make(ctx, `SRV - ${loc.city} - Patch Group ${g}`, `Servers patched in window ${g}`, '/Servers/Patch', limitOf(ctx, 'All Windows Servers'), [
        query(`Patch group ${g}`, `SMS_R_System.Name like "SRV-${loc.code}-%" and SMS_R_System.Name like "%${i === 0 ? '[13579]' : '[02468]'}"`),
      ]);
    }),
  );
  const windows = locations.flatMap((loc) =>
    MAINTENANCE_WINDOWS.map((window) => (ctx: Ctx) => {
      make(ctx, `MW - ${loc.city} - Servers - ${window}`, `Maintenance window ${window} local time`, '/Servers/Patch/Maintenance Windows', limitOf(ctx, 'All Windows Servers'), direct(sample(ctx, `SRV|${loc.code}`, 2, 30)), 1);
    }),
  );
  return [...groups, ...windows];
}

function appSiteSpecs(locations: readonly Location[]): Spec[] {
  return APP_CATALOG.flatMap((app) =>
    locations.flatMap((loc) => {
      const folder = `/Software/Applications/${vendorFolder(app.vendor)}`;
      const group = (ctx: Ctx): string => `${ctx.site.domain}\\APP-${app.short}-${loc.code}`;
      return [
        (ctx: Ctx) => {
          make(ctx, `APP - ${app.name} - ${loc.city} - Install`, `Members of AD group ${group(ctx)}`, folder, 'SMS00001', [query(`AD group APP-${app.short}-${loc.code}`, `SMS_R_System.SystemGroupName = ${wqlString(group(ctx))}`)]);
        },
        (ctx: Ctx) => {
          const depts = [...DEPARTMENTS].filter(() => ctx.prng.chance(0.25)).slice(0, 3);
          const includes = depts.map((d) => ctx.byName.get(`DEPT - ${loc.city} - ${d}`)).filter((c): c is CollectionRecord => !!c);
          const rules = includes.length ? includes.map(include) : [query('Workstations', `SMS_R_System.Name like "WKS-${loc.code}-%"`)];
          make(ctx, `APP - ${app.name} - ${loc.city} - Available`, 'Self-service in Software Center', folder, limitOf(ctx, 'All Windows Workstations'), rules);
        },
        (ctx: Ctx) => {
          make(ctx, `APP - ${app.name} - ${loc.city} - Uninstall`, 'Removal requests from the service desk', '/Software/Uninstall', 'SMS00001', direct(sample(ctx, `WKS|${loc.code}`, 0, 6)), 1);
        },
      ];
    }),
  );
}

function appDepartmentSpecs(locations: readonly Location[]): Spec[] {
  return APP_CATALOG.flatMap((app) =>
    locations.flatMap((loc) =>
      DEPARTMENTS.flatMap((dept) =>
        ['', ' - Available'].map((suffix) => (ctx: Ctx) => {
          const group = `${ctx.site.domain}\\APP-${app.short}-${loc.code}`;
          make(ctx, `APP - ${app.name} - ${loc.city} - ${dept}${suffix}`, `${dept} in ${loc.city}, AD group ${group}`, `/Software/Applications/${vendorFolder(app.vendor)}`, limitOf(ctx, 'All Windows Workstations'), [
            query(`${dept} + APP-${app.short}`, `SMS_R_System.SystemGroupName = ${wqlString(group)} and SMS_R_System.SystemOUName = ${wqlString(ouOf(ctx, loc, dept))}`),
          ]);
        }),
      ),
    ),
  );
}

function osdSpecs(locations: readonly Location[]): Spec[] {
  const waves = locations.flatMap((loc) =>
    OSD_WAVE_DIGITS.map((digits, w) => (ctx: Ctx) => {
      const pilot = ctx.byName.get(`TEST - ${loc.city} - IT Pilot`);
      const rules: RuleRecord[] = [query(`Windows 10 in ${loc.code} wave ${w + 1}`, `SMS_R_System.Name like "WKS-${loc.code}-%" and SMS_R_System.Build = "10.0.19045" and SMS_R_System.Name like "%${digits}"`)];
      if (pilot) rules.push(exclude(pilot));
      make(ctx, `OSD - Windows 11 24H2 Upgrade - ${loc.city} - Wave ${w + 1}`, 'In-place upgrade wave (excludes the IT pilot)', '/OSD/Windows 11 Upgrade', limitOf(ctx, 'All Windows 10 Workstations'), rules);
    }),
  );
  const bareMetal: Spec[] = [
    (ctx) => void make(ctx, 'OSD - Bare Metal - Available', 'Rebuilds requested by the service desk', '/OSD/Bare Metal', 'SMS00001', direct(sample(ctx, 'LAP|LON', 3, 12)), 1),
    (ctx) => void make(ctx, 'OSD - Server 2022 Builds', 'Build and capture targets', '/OSD/Bare Metal', 'SMS00001', direct(sample(ctx, 'SRV|LON', 1, 4)), 1),
  ];
  return [...bareMetal, ...waves];
}

function healthSpecs(locations: readonly Location[]): Spec[] {
  return locations.flatMap((loc) => [
    (ctx: Ctx) => void make(ctx, `CH - ${loc.city} - Inactive Clients`, 'Client installed but not active (client health)', '/Operations/Client Health', 'SMS00001', [query('Inactive', `SMS_R_System.ADSiteName = "${loc.adSite}" and SMS_R_System.Client = 1 and SMS_R_System.Active = 0`)]),
    (ctx: Ctx) => void make(ctx, `CH - ${loc.city} - No Client`, 'Discovered in AD without a ConfigMgr client', '/Operations/Client Health', 'SMS00001', [query('No client', `SMS_R_System.ADSiteName = "${loc.adSite}" and (SMS_R_System.Client = 0 or SMS_R_System.Client is null)`)]),
  ]);
}

function baselineSpecs(locations: readonly Location[]): Spec[] {
  return BASELINES.flatMap((baseline) =>
    locations.map((loc) => (ctx: Ctx) => {
      const parts = ['WKS', 'LAP'].map((k) => ctx.byName.get(`${k} - ${loc.city} - ${kindLabel[k][1]}`)).filter((c): c is CollectionRecord => !!c);
      const rules = parts.length ? parts.map(include) : [query('Workstations', `SMS_R_System.Name like "WKS-${loc.code}-%"`)];
      make(ctx, `CB - ${baseline} - ${loc.city}`, `Compliance baseline "${baseline}" target`, '/Compliance/Baselines', 'SMS00001', rules);
    }),
  );
}

function pilotSpecs(locations: readonly Location[]): Spec[] {
  return locations.map((loc) => (ctx: Ctx) => {
    make(ctx, `TEST - ${loc.city} - IT Pilot`, 'IT staff devices that get everything first', '/Testing/Pilot', 'SMS00001', direct([...sample(ctx, `WKS|${loc.code}|IT`, 3, 12), ...sample(ctx, `LAP|${loc.code}|IT`, 2, 10)]), 1);
  });
}

function migrationBatch(ctx: Ctx, locations: readonly Location[], batch: number): void {
  const loc = locations[batch % locations.length];
  make(ctx, `TEMP - Migration Batch ${String(batch).padStart(4, '0')}`, `Hardware refresh batch ${batch} (${loc.city})`, '/Operations/Migration', 'SMS00001', direct(sample(ctx, `WKS|${loc.code}`, 5, 20)), 1);
}
