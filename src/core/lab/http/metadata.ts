import type { Column, LabClass, MethodParameters, PropType } from '../classes/types';

const EDM: Record<PropType, string> = {
  string: 'Edm.String',
  int: 'Edm.Int64',
  bool: 'Edm.Boolean',
  datetime: 'Edm.DateTimeOffset',
  'string[]': 'Collection(Edm.String)',
  'int[]': 'Collection(Edm.Int64)',
  'datetime[]': 'Collection(Edm.DateTimeOffset)',
  object: 'AdminService.SMS_EmbeddedObject',
  'object[]': 'Collection(AdminService.SMS_EmbeddedObject)',
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const parameterList = (parameters: MethodParameters | undefined): string =>
  Object.entries(parameters ?? {})
    .map(([name, type]) => `<Parameter Name="${esc(name)}" Type="${type}"/>`)
    .join('');

/** Embedded classes: the abstract rule with its four derived types, and schedule tokens (open). */
const COMPLEX_TYPES =
  '<ComplexType Name="SMS_EmbeddedObject" OpenType="true"/><ComplexType Name="__PARAMETERS" OpenType="true"/>' +
  '<ComplexType Name="SMS_CollectionRule" Abstract="true"><Property Name="RuleName" Type="Edm.String"/></ComplexType>' +
  '<ComplexType Name="SMS_CollectionRuleDirect" BaseType="AdminService.SMS_CollectionRule"><Property Name="ResourceClassName" Type="Edm.String"/><Property Name="ResourceID" Type="Edm.Int64"/></ComplexType>' +
  '<ComplexType Name="SMS_CollectionRuleQuery" BaseType="AdminService.SMS_CollectionRule"><Property Name="LimitToCollectionID" Type="Edm.String"/><Property Name="QueryExpression" Type="Edm.String"/><Property Name="QueryID" Type="Edm.Int64"/></ComplexType>' +
  '<ComplexType Name="SMS_CollectionRuleIncludeCollection" BaseType="AdminService.SMS_CollectionRule"><Property Name="IncludeCollectionID" Type="Edm.String"/></ComplexType>' +
  '<ComplexType Name="SMS_CollectionRuleExcludeCollection" BaseType="AdminService.SMS_CollectionRule"><Property Name="ExcludeCollectionID" Type="Edm.String"/></ComplexType>' +
  '<ComplexType Name="SMS_ScheduleToken" Abstract="true" OpenType="true"/>';

const HEAD =
  '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>' +
  '<Schema Namespace="AdminService" xmlns="http://docs.oasis-open.org/odata/ns/edm">';
const TAIL = '</Schema></edmx:DataServices></edmx:Edmx>';

/** `<EntityType>` of a class: its keys and properties, typed as the columns the routes serve. */
function entityType(cls: LabClass<unknown>): string {
  const props = cls.columns.map((c: Column<unknown>) => `<Property Name="${esc(c.name)}" Type="${c.edm ?? EDM[c.type]}"${cls.keys.includes(c.name) ? ' Nullable="false"' : ''}/>`).join('');
  return `<EntityType Name="${cls.name}"><Key>${cls.keys.map((k) => `<PropertyRef Name="${k}"/>`).join('')}</Key>${props}</EntityType>`;
}

/** A minimal CSDL document: entity types with keys and properties, entity sets, actions. */
export function wmiMetadata(classes: ReadonlyArray<LabClass<unknown>>): string {
  const types: string[] = [];
  const actions: string[] = [];
  const sets: string[] = [];
  for (const cls of classes) {
    types.push(entityType(cls));
    sets.push(`<EntitySet Name="${cls.name}" EntityType="AdminService.${cls.name}"/>`);
    for (const method of Object.keys(cls.instanceMethods ?? {})) {
      const parameters = cls.instanceMethods?.[method]?.parameters;
      actions.push(`<Action Name="${method}" IsBound="true"><Parameter Name="bindingParameter" Type="AdminService.${cls.name}"/>${parameterList(parameters)}<ReturnType Type="Edm.Int32"/></Action>`);
    }
    for (const method of Object.keys(cls.staticMethods ?? {})) {
      const parameters = cls.staticMethods?.[method]?.parameters;
      actions.push(`<Action Name="${cls.name}.${method}">${parameterList(parameters)}<ReturnType Type="AdminService.__PARAMETERS"/></Action>`);
      sets.push(`<ActionImport Name="${cls.name}.${method}" Action="AdminService.${cls.name}.${method}"/>`);
    }
  }
  return (
    HEAD +
    COMPLEX_TYPES +
    types.join('') +
    actions.join('') +
    `<EntityContainer Name="AdminService">${sets.join('')}</EntityContainer>` +
    TAIL
  );
}

/** The v1.0 route's document: the entity sets the lab emulates there (only `Device`). */
export function v1Metadata(entitySets: ReadonlyArray<LabClass<unknown>>): string {
  const sets = entitySets.map((cls) => `<EntitySet Name="${cls.name}" EntityType="AdminService.${cls.name}"/>`).join('');
  return `${HEAD}${entitySets.map(entityType).join('')}<EntityContainer Name="AdminService">${sets}</EntityContainer>${TAIL}`;
}
