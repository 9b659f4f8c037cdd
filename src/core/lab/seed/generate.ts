import type { SiteContent, SiteRecord } from '../state/model';
import { generateCollections } from './collections';
import { generateDeployments } from './deployments';
import { generateDevices } from './devices';
import { generateFolders } from './folders';
import { Prng } from './prng';
import { buildApplications, buildPackages } from './software';
import { locationsFor } from './vocabulary';

export interface SeedParameters {
  /** PRNG seed; the same parameters always give the same site. */
  seed: number;
  collections: number;
  devices: number;
}

/** Instant startup for the demo and most tests, with every feature of the big seed. */
export const SMALL_PRESET: SeedParameters = { seed: 1, collections: 60, devices: 400 };
/** What `lab start --seed` generates by default. */
export const LARGE_PRESET: SeedParameters = { seed: 1, collections: 10_000, devices: 100_000 };

/** A fixed "now" for generated data, so the same seed gives byte-identical state. */
const GENERATED_AT = Date.UTC(2025, 5, 2, 8, 0, 0);

export function generateSite(params: SeedParameters): SiteContent {
  const prng = new Prng(params.seed);
  const site: SiteRecord = {
    siteCode: 'PS1',
    siteName: 'Lab Primary Site',
    serverNetbios: 'CM01',
    serverFqdn: 'CM01.lab.local',
    version: '5.00.9135.1000',
    buildNumber: 9135,
    siteGuid: `{${prng.guid()}}`,
    domain: 'LAB',
    dnsDomain: 'lab.local',
  };
  const locations = locationsFor(params.devices);
  const folders = generateFolders(prng, locations);
  const { devices, facts } = generateDevices(prng, site, params.devices, GENERATED_AT);
  const collections = generateCollections(prng, site, locations, devices, facts, folders, params.collections, GENERATED_AT);
  const applications = buildApplications(prng, site, GENERATED_AT);
  const packages = buildPackages(site, GENERATED_AT);
  const { assignments, advertisements } = generateDeployments(prng, site, collections, applications, packages, GENERATED_AT);
  return { site, devices, folders, collections, applications, packages, assignments, advertisements, installedApps: [], generatedAt: GENERATED_AT };
}
