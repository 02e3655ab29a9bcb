import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { LOCATED_ERROR_CODES, LOCATED_ERRORS, type LocatedErrorCode } from '../files/located-error.js';
import { codeEnum } from './code-enum.js';

const ImportRowErrorCode = codeEnum(
  'ImportRowErrorCode',
  'Why a file, a row or a cell was refused: a stable code for clients to say in their language, with `params`.',
  Object.fromEntries(LOCATED_ERROR_CODES.map((code) => [code, `In English: "${LOCATED_ERRORS[code].text}".`])) as Record<LocatedErrorCode, string>,
);

// Every subgraph that reads a file reports its errors the same way; @shareable lets each resolve them.
@Directive('@shareable')
@ObjectType('MessageParam', { description: 'A value a message names, such as a column header or a limit.' })
export class MessageParam {
  @Field(() => String, { description: 'Its name in the message (`{header}` names `header`).' })
  name: string;

  @Field(() => String, { description: 'The value, as text.' })
  value: string;
}

@Directive('@shareable')
@ObjectType('ImportRowError', { description: 'One problem in the file: where it is and why.' })
export class ImportRowError {
  @Field(() => String, { description: 'File name (or the sheet, for a workbook).' })
  file: string;

  @Field(() => Int, { description: 'Row of the file (the header is row 1); 0 for the file as a whole.' })
  row: number;

  @Field(() => String, { description: 'Column header (or letter for an unknown column).' })
  column: string;

  @Field(() => String, { description: 'The cell value as read.' })
  value: string;

  @Field(() => ImportRowErrorCode, { description: 'Why, as a stable code: what a client translates.' })
  code: LocatedErrorCode;

  @Field(() => [MessageParam], { description: "The values the code's message names, in its order." })
  params: MessageParam[];

  @Field(() => String, { description: 'Why the value was refused, in English.' })
  reason: string;
}
