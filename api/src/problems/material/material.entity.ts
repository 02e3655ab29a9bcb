import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MaterialKind {
  HOUSEHOLD_REGISTER = 'HOUSEHOLD_REGISTER',
  ID_CARD = 'ID_CARD',
  SCHOOL_CERTIFICATE = 'SCHOOL_CERTIFICATE',
  POLICE_VERIFICATION = 'POLICE_VERIFICATION',
  OTHER = 'OTHER',
}
registerEnumType(MaterialKind, { name: 'MaterialKind', description: '户口簿, 身份证, 学校证明, 公安核查证明, 其他' });

export const MATERIAL_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

@ObjectType('Material', { description: '证明材料: a scan or photo cited as proof. Download it from /materials/{id}.' })
export class Material {
  @Field(() => ID)
  id: string;

  @Field(() => MaterialKind)
  kind: MaterialKind;

  @Field(() => String)
  contentType: MaterialType;

  @Field(() => Int)
  size: number;

  @Field(() => String)
  fileName: string;

  @Field(() => Date)
  createdAt: Date;

  sha256: string;
  schoolId: string | null;
  uploadedBy: string;
}
