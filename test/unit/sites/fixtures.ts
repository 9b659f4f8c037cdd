import type { Collection, CollectionMember, Deployment, Device } from '../../../src/core/site/model';

/** Model objects as the backends return them, for the pure VS Code layer helpers. */
export function aCollection(overrides: Partial<Collection> = {}): Collection {
  return {
    id: 'PS100012',
    name: 'Workstations - London',
    comment: '',
    type: 'device',
    memberCount: 1234,
    limitingCollectionId: 'SMS00001',
    limitingCollectionName: 'All Systems',
    lastRefreshTime: '2024-03-05T14:07:31Z',
    lastMemberChangeTime: '2024-03-01T09:00:00Z',
    refreshType: 6,
    currentStatus: 1,
    isBuiltIn: false,
    folderPath: '/Workstations/London',
    ...overrides,
  };
}

export function aMember(overrides: Partial<CollectionMember> = {}): CollectionMember {
  return {
    resourceId: 16777220,
    name: 'WKS-LON-04213',
    isClient: true,
    isActive: true,
    isDirect: false,
    isObsolete: false,
    domain: 'CONTOSO',
    siteCode: 'PS1',
    clientVersion: '5.00.9128.1000',
    ...overrides,
  };
}

export function aDevice(overrides: Partial<Device> = {}): Device {
  return {
    resourceId: 16777220,
    name: 'WKS-LON-04213',
    netbiosName: 'WKS-LON-04213',
    domain: 'CONTOSO',
    clientInstalled: true,
    clientActive: true,
    clientVersion: '5.00.9128.1000',
    obsolete: false,
    macAddresses: ['00:15:5D:01:02:03', 'F4:8E:38:AA:BB:CC'],
    smbiosGuid: 'E8A3EFAC-201F-4B2E-9C4D-1A2B3C4D5E6F',
    ipAddresses: ['10.1.20.33', 'fe80::1'],
    operatingSystem: 'Microsoft Windows NT Workstation 10.0',
    lastLogonUser: 'jsmith',
    lastLogonUserDomain: 'CONTOSO',
    adSiteName: 'London-HQ',
    distinguishedName: 'CN=WKS-LON-04213,OU=Workstations,DC=contoso,DC=com',
    smsUniqueIdentifier: 'GUID:1B2C3D4E-0000-4000-8000-000000000001',
    creationDate: '2023-11-20T08:15:00Z',
    ...overrides,
  };
}

export function aDeployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    deploymentId: '{A1B2C3D4-0000-4000-8000-000000000001}',
    softwareName: '7-Zip 23.01',
    collectionId: 'PS100012',
    collectionName: 'Workstations - London',
    feature: 'application',
    featureType: 1,
    intent: 'required',
    assignmentId: 16777300,
    ciId: 16777400,
    packageId: null,
    programName: null,
    deploymentTime: '2024-02-01T10:00:00Z',
    enforcementDeadline: '2024-02-08T18:00:00Z',
    numberTargeted: 120,
    numberSuccess: 100,
    numberErrors: 3,
    numberInProgress: 7,
    numberUnknown: 10,
    numberOther: 0,
    ...overrides,
  };
}
