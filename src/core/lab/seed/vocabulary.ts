/** Names a real enterprise site would carry. Kept apart so the generators stay readable. */

export interface Location {
  code: string;
  city: string;
  adSite: string;
  /** Second octet of the site's 10.x.0.0/16 range. */
  octet: number;
  weight: number;
}

export const LOCATIONS: readonly Location[] = [
  { code: 'LON', city: 'London', adSite: 'LON-HQ', octet: 10, weight: 18 },
  { code: 'NYC', city: 'New York', adSite: 'NYC-Midtown', octet: 20, weight: 14 },
  { code: 'PAR', city: 'Paris', adSite: 'PAR-LaDefense', octet: 30, weight: 9 },
  { code: 'FRA', city: 'Frankfurt', adSite: 'FRA-Main', octet: 40, weight: 8 },
  { code: 'AMS', city: 'Amsterdam', adSite: 'AMS-Zuidas', octet: 50, weight: 6 },
  { code: 'MAD', city: 'Madrid', adSite: 'MAD-Castellana', octet: 60, weight: 5 },
  { code: 'TOR', city: 'Toronto', adSite: 'TOR-BayStreet', octet: 70, weight: 6 },
  { code: 'CHI', city: 'Chicago', adSite: 'CHI-Loop', octet: 80, weight: 8 },
  { code: 'SYD', city: 'Sydney', adSite: 'SYD-Barangaroo', octet: 90, weight: 6 },
  { code: 'SIN', city: 'Singapore', adSite: 'SIN-Marina', octet: 100, weight: 7 },
  { code: 'TYO', city: 'Tokyo', adSite: 'TYO-Marunouchi', octet: 110, weight: 6 },
  { code: 'JNB', city: 'Johannesburg', adSite: 'JNB-Sandton', octet: 120, weight: 4 },
];

/** Sites in use: a small lab keeps a few so its collections are not empty. */
export function locationsFor(deviceCount: number): readonly Location[] {
  return LOCATIONS.slice(0, Math.min(LOCATIONS.length, Math.max(3, Math.ceil(deviceCount / 120))));
}

export const DEPARTMENTS = ['Finance', 'HR', 'Sales', 'Marketing', 'Engineering', 'IT', 'Legal', 'Operations', 'Support', 'Research'] as const;

export type DeviceKind = 'WKS' | 'LAP' | 'VDI' | 'SRV';

export const DEVICE_KINDS: ReadonlyArray<readonly [DeviceKind, number]> = [
  ['WKS', 52],
  ['LAP', 34],
  ['VDI', 6],
  ['SRV', 8],
];

export const SERVER_ROLES = ['SQL', 'FS', 'APP', 'WEB', 'DC', 'PRN', 'RDS', 'CTX', 'BKP'] as const;

export interface OsChoice {
  caption: string;
  build: string;
  label: string;
  weight: number;
}

export const WORKSTATION_OS: readonly OsChoice[] = [
  { caption: 'Microsoft Windows NT Workstation 10.0', build: '10.0.19045', label: 'Windows 10 22H2', weight: 38 },
  { caption: 'Microsoft Windows NT Workstation 10.0', build: '10.0.22631', label: 'Windows 11 23H2', weight: 37 },
  { caption: 'Microsoft Windows NT Workstation 10.0', build: '10.0.26100', label: 'Windows 11 24H2', weight: 25 },
];

export const SERVER_OS: readonly OsChoice[] = [
  { caption: 'Microsoft Windows NT Server 10.0', build: '10.0.14393', label: 'Windows Server 2016', weight: 18 },
  { caption: 'Microsoft Windows NT Advanced Server 10.0', build: '10.0.17763', label: 'Windows Server 2019', weight: 34 },
  { caption: 'Microsoft Windows NT Advanced Server 10.0', build: '10.0.20348', label: 'Windows Server 2022', weight: 40 },
  { caption: 'Microsoft Windows NT Advanced Server 10.0', build: '10.0.26100', label: 'Windows Server 2025', weight: 8 },
];

export const CLIENT_VERSIONS: ReadonlyArray<readonly [string, number]> = [
  ['5.00.9135.1007', 58],
  ['5.00.9132.1011', 31],
  ['5.00.9128.1024', 11],
];

/** Real IEEE OUIs per hardware vendor. */
export const VENDOR_OUIS: Record<'Dell' | 'HP' | 'Lenovo' | 'VMware' | 'HyperV' | 'IntelWifi', readonly string[]> = {
  Dell: ['00:14:22', 'F8:BC:12', 'D4:81:D7', '18:DB:F2', 'B0:83:FE'],
  HP: ['3C:52:82', '9C:8E:99', 'EC:8E:B5', '80:CE:62'],
  Lenovo: ['54:EE:75', '8C:16:45', 'E8:6A:64', '98:FA:9B'],
  VMware: ['00:50:56'],
  HyperV: ['00:15:5D'],
  IntelWifi: ['8C:8D:28', 'F8:E4:E3', '3C:A9:F4', 'A0:A4:C5'],
};

/** The BIOS UUID cloned boards and badly built images report (a classic PXE/import trap). */
export const CLONED_SMBIOS_GUIDS = ['03000200-0400-0500-0006-000700080009', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'] as const;

/** USB-C dock / USB NIC MACs that many laptops end up reporting. */
export const SHARED_DOCK_MACS = ['00:E0:4C:68:0A:1B', 'D8:EC:5E:11:3A:70'] as const;

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Amelia', 'Oliver', 'Sophie', 'Lucas',
  'Emma', 'Noah', 'Chloe', 'Hugo', 'Lea', 'Mateo', 'Lucia', 'Yuki', 'Haruto', 'Priya', 'Arjun', 'Wei', 'Mei', 'Thabo',
  'Naledi', 'Liam', 'Olivia', 'Ethan', 'Isabel', 'Lukas', 'Hannah', 'Pierre', 'Camille', 'Sven', 'Ingrid', 'Aisha',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Martin', 'Taylor', 'Anderson', 'Thomas',
  'Moore', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green',
  'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Dubois',
  'Lefevre', 'Moreau', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Muller', 'Jansen', 'deVries', 'Bakker', 'Fernandez',
  'Lopez', 'Sanchez', 'Tanaka', 'Suzuki', 'Sato', 'Chen', 'Wang', 'Li', 'Nguyen', 'Patel', 'Sharma', 'Naidoo', 'Dlamini',
  'OBrien', 'Murphy', 'Kelly', 'Rossi', 'Russo', 'Andersson', 'Nilsson', 'Kowalski', 'Novak',
];

export const MAINTENANCE_WINDOWS = ['Sat 01:00-05:00', 'Sat 22:00-02:00', 'Sun 02:00-06:00', 'Sun 20:00-23:00', 'Wed 22:00-01:00', 'Tue 23:00-03:00'] as const;

export const BASELINES = ['BitLocker Status', 'Defender Health', 'Local Admins', 'TLS Hardening', 'Firewall Profile', 'Credential Guard', 'SMBv1 Disabled', 'LAPS Enabled'] as const;
