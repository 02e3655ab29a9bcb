import { getNamedType, Kind, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type DocumentNode, type FieldNode, type GraphQLSchema } from 'graphql';

/**
 * Fields whose value is a pupil's personal data in the clear. A shared report runs with the
 * reader's rights, and an ID number read through `student(id) { idNumber }` is a logged reveal in
 * the reader's name, so a report selecting any of these stays private to its owner:
 *
 * - `Student.idNumber`: the full ID number (each read is logged as a reveal). `idNumberMasked`
 *   (first 6 and last 4) is what lists show and stays shareable; so does `ProblemMember.idCheck`,
 *   which only says which checks fail.
 * - `phone` (联系电话) and `householdRegion` (户口所在地, the household address), on any type: today
 *   only `Student` has them, and a type that gains one later is covered without a change here.
 * - `ProblemEvent.data`: a problem's history holds the before/after values of changes, which for
 *   records of one's own school include the full ID number, phone and household address.
 *
 * `"*"` matches the field on every type. This is the one list; the README's "Reports and
 * statistics" section describes it.
 */
export const REVEALING_FIELDS: Readonly<Record<string, readonly string[]>> = {
  idNumber: ['Student'],
  phone: ['*'],
  householdRegion: ['*'],
  data: ['ProblemEvent'],
};

function isRevealing(parentType: string, field: string): boolean {
  const types = Object.hasOwn(REVEALING_FIELDS, field) ? REVEALING_FIELDS[field]! : [];
  return types.includes('*') || types.includes(parentType);
}

/** Where a field sits: the fields above it in its operation or fragment, by name (aliases ignored). */
function pathOf(ancestors: readonly (ASTNode | readonly ASTNode[])[], field: FieldNode): string {
  const names: string[] = [];
  for (const node of ancestors) {
    if (Array.isArray(node)) continue;
    const n = node as ASTNode;
    if (n.kind === Kind.FRAGMENT_DEFINITION) names.push(`fragment ${n.name.value}`);
    else if (n.kind === Kind.FIELD) names.push(n.name.value);
  }
  return [...names, field.name.value].join('.');
}

/**
 * The revealing fields a (valid) document selects, as `Type.field at path`: every field of the
 * operation and of every fragment (named or inline), whatever alias it is given. Fragments are
 * checked where they are defined, so one spread only inside another fragment is caught as well.
 */
export function revealingSelections(schema: GraphQLSchema, document: DocumentNode): string[] {
  const found: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node, _key, _parent, _path, ancestors) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const parentName = getNamedType(parent).name;
        if (isRevealing(parentName, node.name.value)) found.push(`${parentName}.${node.name.value} at ${pathOf(ancestors, node)}`);
      },
    }),
  );
  return found;
}
