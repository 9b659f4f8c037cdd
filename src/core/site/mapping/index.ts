export * from './propertyBag';
export * from './collections';
export * from './devices';
export * from './deployments';
export * from './site';
