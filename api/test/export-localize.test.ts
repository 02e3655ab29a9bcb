import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { leafKinds, localizeTable } from '../src/reports/export/localize.js';
import { tabulate } from '../src/reports/export/table.js';
import { reportSchema } from '../src/reports/saved/report-document.js';

describe('an export in the user language', () => {
  const document = parse('query { problems(first: 5) { nodes { kind: type overdue members { gender school { name code } } } } }');
  const kinds = leafKinds(reportSchema(), document);
  const items = [
    { kind: 'DUPLICATE_ID', overdue: true, members: [{ gender: 'M', school: { name: '西湖小学', code: '1330102001' } }, { gender: 'F', school: { name: '运河小学', code: '1330105001' } }] },
    { kind: 'INVALID_ID', overdue: false, members: [{ gender: 'F', school: { name: '西湖小学', code: '1330102001' } }] },
  ];

  it('knows each leaf by its response path, aliases included', () => {
    expect(kinds.get('problems.nodes.kind')).toEqual({ enumName: 'ProblemType' });
    expect(kinds.get('problems.nodes.members.gender')).toEqual({ enumName: 'Gender' });
    expect(kinds.get('problems.nodes.members.school.code')).toBe('other');
  });

  it('says headers, enum values (each of a list) and yes/no in words; an unknown field keeps its name', () => {
    const table = localizeTable(tabulate(items), ['problems', 'nodes'], kinds, 'zh-CN');
    expect(table.columns).toEqual(['kind', '已逾期', '成员 · 性别', '成员 · 学校', '成员 · 学校 · 代码']);
    expect(table.rows).toEqual([
      ['身份证件号重复', '是', '男; 女', '西湖小学; 运河小学', '1330102001; 1330105001'],
      ['身份证件号无效', '否', '女', '西湖小学', '1330102001'],
    ]);
    expect(localizeTable(tabulate(items), ['problems', 'nodes'], kinds, 'en').rows[0]!.slice(0, 3)).toEqual(['Duplicate ID number', 'Yes', 'Male; Female']);
  });
});
