import { describe, expect, it } from 'vitest';
import { baseName, neutraliseCell, rowErrorsToCsv } from './error-csv';

const labels = { row: '行号', column: '列', value: '内容', reason: '原因', wholeFile: '整个文件' };

describe('rowErrorsToCsv', () => {
  it('starts with a UTF-8 byte-order mark and a header row, one CRLF line per error', () => {
    const csv = rowErrorsToCsv([{ row: 3, column: '性别', value: '男生', reason: 'gender must be 男 or 女 (or M / F)' }], labels);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual(['行号,列,内容,原因', '3,性别,男生,gender must be 男 or 女 (or M / F)', '']);
    // Encoded as UTF-8, the file begins with EF BB BF.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const csv = rowErrorsToCsv(
      [
        { row: 2, column: '姓名', value: '=HYPERLINK("http://x","y")', reason: 'r' },
        { row: 3, column: '联系电话', value: '+86 138', reason: '-bad' },
        { row: 4, column: '@col', value: '\t=1+1', reason: 'ok' },
        { row: 5, column: '身份证件号', value: '33010620140305123X', reason: 'a, "quoted" reason' },
      ],
      labels,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`2,姓名,"'=HYPERLINK(""http://x"",""y"")",r`);
    expect(lines[2]).toBe(`3,联系电话,'+86 138,'-bad`);
    expect(lines[3]).toBe(`4,'@col,'\t=1+1,ok`);
    expect(lines[4]).toBe('5,身份证件号,33010620140305123X,"a, ""quoted"" reason"');
  });

  it('names errors about the whole file instead of row 0, and quotes line breaks', () => {
    const csv = rowErrorsToCsv([{ row: 0, column: '', value: '', reason: 'not a spreadsheet\nat all' }], labels);
    expect(csv.slice(1).split('\r\n')[1]).toBe('整个文件,,,"not a spreadsheet\nat all"');
  });
});

describe('neutraliseCell', () => {
  it.each([
    ['=1', "'=1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+1', "'+1"],
    ['张三', '张三'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(neutraliseCell(input)).toBe(expected));
});

describe('baseName', () => {
  it.each([
    ['学生名单.xlsx', '学生名单'],
    ['C:\\Users\\x\\名单.v2.csv', '名单.v2'],
    ['.csv', '.csv'],
    ['', 'import'],
  ])('%j → %j', (input, expected) => expect(baseName(input)).toBe(expected));
});
