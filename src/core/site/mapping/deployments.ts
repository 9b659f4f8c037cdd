import { z } from 'zod';
import type { Deployment, DeploymentFeature, DeploymentIntent } from '../model';
import { parseBag, wmiDate, wmiIntOrNull, wmiIntOrZero, wmiText, wmiTextOrNull } from './propertyBag';

const deploymentSchema = z.object({
  deploymentid: z.string().min(1),
  softwarename: wmiText,
  applicationname: wmiTextOrNull,
  collectionid: wmiText,
  collectionname: wmiText,
  featuretype: wmiIntOrZero,
  deploymentintent: wmiIntOrZero,
  assignmentid: wmiIntOrNull,
  ci_id: wmiIntOrNull,
  packageid: wmiTextOrNull,
  programname: wmiTextOrNull,
  deploymenttime: wmiDate,
  enforcementdeadline: wmiDate,
  numbertargeted: wmiIntOrZero,
  numbersuccess: wmiIntOrZero,
  numbererrors: wmiIntOrZero,
  numberinprogress: wmiIntOrZero,
  numberunknown: wmiIntOrZero,
  numberother: wmiIntOrZero,
});

/** SMS_DeploymentSummary.FeatureType (reference §2.8). */
export function deploymentFeature(featureType: number): DeploymentFeature {
  switch (featureType) {
    case 1:
      return 'application';
    case 2:
      return 'program';
    case 4:
      return 'script';
    case 5:
      return 'softwareUpdate';
    case 6:
      return 'baseline';
    case 7:
      return 'taskSequence';
    default:
      return 'other';
  }
}

/** SMS_DeploymentSummary.DeploymentIntent: 1 required, 2 available, 3 simulate (community mapping). */
export function deploymentIntent(code: number): DeploymentIntent {
  if (code === 1) return 'required';
  if (code === 2) return 'available';
  if (code === 3) return 'simulate';
  return 'unknown';
}

export function mapDeployment(raw: unknown): Deployment {
  const d = parseBag(deploymentSchema, raw, 'a deployment');
  const feature = deploymentFeature(d.featuretype);
  const isApplication = feature === 'application';
  const usesPackage = feature === 'program' || feature === 'taskSequence';
  return {
    deploymentId: d.deploymentid,
    softwareName: d.softwarename || d.applicationname || '',
    collectionId: d.collectionid,
    collectionName: d.collectionname,
    feature,
    featureType: d.featuretype,
    intent: deploymentIntent(d.deploymentintent),
    assignmentId: isApplication ? d.assignmentid : null,
    ciId: isApplication ? d.ci_id : null,
    packageId: usesPackage ? d.packageid : null,
    programName: feature === 'program' ? d.programname : null,
    deploymentTime: d.deploymenttime,
    enforcementDeadline: d.enforcementdeadline,
    numberTargeted: d.numbertargeted,
    numberSuccess: d.numbersuccess,
    numberErrors: d.numbererrors,
    numberInProgress: d.numberinprogress,
    numberUnknown: d.numberunknown,
    numberOther: d.numberother,
  };
}
