import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum of stable codes (why something was refused), each value described by what it
 * means: clients translate the codes, and the portal's catalogues are checked against these enums.
 */
export function codeEnum<C extends string>(name: string, description: string, codes: Readonly<Record<C, string>>): Record<C, C> {
  const names = Object.keys(codes) as C[];
  const values = Object.fromEntries(names.map((code) => [code, code])) as Record<C, C>;
  const valuesConfig = Object.fromEntries(names.map((code) => [code, { description: codes[code] as string }])) as Partial<Record<C, { description: string }>>;
  registerEnumType(values, { name, description, valuesConfig });
  return values;
}
