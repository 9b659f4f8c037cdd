import { applicationClass, packageClass, taskSequencePackageClass } from './software';
import { advertisementClass, applicationAssignmentClass, deploymentSummaryClass } from './deployments';
import { clientOperationClass, clientOperationStatusClass } from './clientOperation';
import { collectionClass } from './collection';
import type { LabContext } from './context';
import { containerItemClass, containerNodeClass } from './folders';
import { fullMembershipClass, perCollectionMembershipClass } from './membership';
import { identificationClass, siteClass } from './site';
import { systemClass } from './system';
import type { LabClass } from './types';

/** The wmi-route classes, looked up case-insensitively (the route is case-insensitive since 2006). */
export class ClassRegistry {
  private readonly byLower = new Map<string, LabClass<unknown>>();

  constructor(private readonly ctx: LabContext) {
    const classes: Array<LabClass<unknown>> = [
      siteClass(ctx),
      identificationClass(ctx),
      collectionClass(ctx),
      systemClass(ctx),
      fullMembershipClass(ctx),
      containerNodeClass(ctx),
      containerItemClass(ctx),
      deploymentSummaryClass(ctx),
      applicationAssignmentClass(ctx),
      advertisementClass(ctx),
      applicationClass(ctx),
      taskSequencePackageClass(ctx),
      packageClass(ctx),
      clientOperationClass(ctx),
      clientOperationStatusClass(ctx),
    ];
    for (const cls of classes) this.byLower.set(cls.name.toLowerCase(), cls);
  }

  resolve(name: string): LabClass<unknown> | undefined {
    const found = this.byLower.get(name.toLowerCase());
    if (found) return found;
    const perCollection = /^SMS_CM_RES_COLL_(\w+)$/i.exec(name);
    if (perCollection) {
      const collection = this.ctx.store.collections.get(perCollection[1].toUpperCase());
      if (collection) return perCollectionMembershipClass(this.ctx, collection);
    }
    return undefined;
  }

  all(): Array<LabClass<unknown>> {
    return [...this.byLower.values()];
  }
}
