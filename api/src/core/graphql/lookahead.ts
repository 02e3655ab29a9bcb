import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields named `name` among `selections`, through fragments and inline fragments. */
function fieldsNamed(selections: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode[] {
  if (!selections) return [];
  return selections.selections.flatMap((selection): FieldNode[] => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name ? [selection] : [];
      case Kind.INLINE_FRAGMENT:
        return fieldsNamed(selection.selectionSet, name, info);
      case Kind.FRAGMENT_SPREAD:
        return fieldsNamed(info.fragments[selection.name.value]?.selectionSet, name, info);
    }
  });
}

/**
 * Whether the operation asks, below the field being resolved, for the field at `path` (e.g.
 * `['nodes', 'members']`): lets a list fetch with its page what a field of its items would
 * otherwise fetch in a statement of its own. `@skip`/`@include` are not evaluated, so a field they
 * drop still counts: at worst something is fetched for nothing.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    level = level.flatMap((field) => fieldsNamed(field.selectionSet, name, info));
    if (level.length === 0) return false;
  }
  return true;
}
