/**
 * Messages of the police verification import (公安核查), wired into the catalogues as `police`.
 * Upload refusals and row errors are said by the import page's messages (`import.upload`,
 * `import.rowErrors`). `policeEn` is typed against `policeZhCN`.
 *
 * vue-i18n message syntax: `{name}` is a parameter; a literal `@`, `{`, `}` or `|` needs `{'@'}` etc.
 */
export const policeZhCN = {
  title: '公安核查',
  description: '导入公安机关返回的身份核查结果（.xlsx 或 .csv，列：公民身份号码或身份证件号、姓名、核查结果）。核查不一致的学籍会列为“身份证件号无效”问题，由学校修改后解决。',
  roleNotAllowed: '公安核查结果由区县学籍管理员导入',
  roleNotAllowedHint: '您的角色不能导入公安核查结果。',
  file: '核查结果文件',
  choose: '选择文件',
  chosen: '已选择：{name}',
  required: '请选择要导入的文件',
  start: '导入核查结果',
  uploading: '正在上传…',
  importing: '正在导入…',
  done: '核查结果已导入',
  failed: '未导入：文件中有 {count} 处错误，请修改后重新上传',
  errorsTitle: '错误明细',
  again: '导入其他文件',
  counts: {
    rowsRead: '读取行数',
    matched: '匹配到的学籍',
    consistent: '核查一致',
    notFound: '身份证号不存在',
    nameMismatch: '姓名不一致',
    problemsOpened: '新发现问题学籍',
  },
  unmatched: '以下行没有匹配到本区域的学籍：第 {rows} 行',
  viewProblems: '查看问题学籍',
};

export type PoliceMessages = typeof policeZhCN;

export const policeEn: PoliceMessages = {
  title: 'Police verification',
  description:
    'Import the verification results returned by the public security office (.xlsx or .csv; columns 公民身份号码 or 身份证件号, 姓名, 核查结果). Each mismatching record becomes an invalid-ID problem, settled when the school corrects it.',
  roleNotAllowed: 'District registrars import police verification results',
  roleNotAllowedHint: 'Your role cannot import police verification results.',
  file: 'Results file',
  choose: 'Choose a file',
  chosen: 'Chosen: {name}',
  required: 'Choose the file to import',
  start: 'Import the results',
  uploading: 'Uploading…',
  importing: 'Importing…',
  done: 'Verification results imported',
  failed: 'Nothing imported: the file has {count} errors. Correct them and upload it again.',
  errorsTitle: 'Errors',
  again: 'Import another file',
  counts: {
    rowsRead: 'Rows read',
    matched: 'Records matched',
    consistent: 'Consistent',
    notFound: 'ID number not found',
    nameMismatch: 'Name mismatch',
    problemsOpened: 'New problems found',
  },
  unmatched: 'These rows matched no record of your region: rows {rows}',
  viewProblems: 'View problems',
};
