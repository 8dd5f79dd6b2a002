/**
 * A plan that crossed threads (structured clone) has lost its classes: the driver's Integer,
 * Date and DateTime arrive as plain objects, which the driver would send as maps. This makes
 * them driver values again, in place. They are found where plans keep them: in property
 * maps, whose other values are strings, numbers, booleans and lists of strings, and in a
 * mention's count.
 */
import neo4j, { Integer } from 'neo4j-driver';
import type { ArticlePlan, Properties, PropertyValue } from './plan.js';

export function reviveNeo4jValues(plan: ArticlePlan): ArticlePlan {
  reviveProps(plan.article);
  for (const s of plan.sentences) reviveProps(s.props);
  for (const e of plan.entities) reviveProps(e.props);
  for (const f of plan.factNodes) reviveProps(f.props);
  for (const r of plan.relationships) reviveProps(r.props);
  for (const m of plan.mentions) m.count = revive(m.count) as Integer;
  return plan;
}

function reviveProps(props: Properties): void {
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'object' && !Array.isArray(value)) props[key] = revive(value);
  }
}

function revive(value: object): PropertyValue {
  const o = value as Record<string, unknown>;
  const n = (key: string) => Number(o[key]);
  if ('low' in o) return new Integer(n('low'), n('high'));
  if ('timeZoneOffsetSeconds' in o)
    return new neo4j.types.DateTime(
      n('year'),
      n('month'),
      n('day'),
      n('hour'),
      n('minute'),
      n('second'),
      n('nanosecond'),
      n('timeZoneOffsetSeconds'),
    );
  if ('year' in o) return new neo4j.types.Date(n('year'), n('month'), n('day'));
  // Unreachable for a plan: no other object is a property value.
  throw new Error(`cannot revive a property value: ${JSON.stringify(value)}`);
}
