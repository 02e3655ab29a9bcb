import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckPupil_CheckDocument, CheckPupil_MeDocument, type Role } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import CheckPupil from './CheckPupil.vue';

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

const INPUT = { name: '林小雨', gender: 'F', birthDate: '2014-03-15', idType: 'RESIDENT_ID', idNumber: '330106201403150021' };
const SHENGLI = { __typename: 'School', id: '2', name: '杭州市上城区胜利小学', code: '1330102001' };

function meMock(role: Role) {
  return { request: { query: CheckPupil_MeDocument, variables: {} }, result: { data: { me: { __typename: 'User', id: 'u1', role } } } };
}

function checkMock(input: Record<string, unknown>, payload: Record<string, unknown>) {
  const checked = vi.fn(() => ({ data: { checkPupil: { __typename: 'PupilCheckPayload', check: null, error: null, ...payload } } }));
  return { checked, mock: { request: { query: CheckPupil_CheckDocument, variables: { input } }, result: checked } };
}

function result(verdict: string, overrides: Record<string, unknown> = {}) {
  return { check: { __typename: 'PupilCheckResult', verdict, idProblems: [], studentId: null, school: null, ...overrides } };
}

async function mountCheck(mocks: unknown[], role: Role = 'SCHOOL_REGISTRAR') {
  const { wrapper } = await mountWithApp(CheckPupil, { route: '/students', mocks: [meMock(role), ...mocks] as never[] });
  mounted = wrapper;
  await flushPromises();
  return wrapper;
}

const inBody = <T extends HTMLElement = HTMLElement>(selector: string) => document.body.querySelector<T>(selector);

async function fill(values: typeof INPUT): Promise<void> {
  for (const [field, value] of [['name', values.name], ['id-number', values.idNumber]] as const) {
    const input = inBody<HTMLInputElement>(`input[data-testid="check-pupil-${field}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  inBody<HTMLInputElement>(`[data-testid="check-pupil-gender-${values.gender}"] input`)!.click();
  // Element Plus's date picker keeps its attributes off its input: it is found by its class.
  const date = inBody<HTMLInputElement>('[data-testid="check-pupil-dialog"] .el-date-editor input')!;
  date.value = values.birthDate;
  date.dispatchEvent(new Event('input'));
  date.dispatchEvent(new Event('change'));
  await flushPromises();
}

async function openAndCheck(wrapper: VueWrapper): Promise<void> {
  await vi.waitFor(() => expect(wrapper.find('[data-testid="check-pupil-open"]').exists()).toBe(true));
  await wrapper.find('[data-testid="check-pupil-open"]').trigger('click');
  await vi.waitFor(() => expect(inBody('input[data-testid="check-pupil-name"]')).not.toBeNull());
  await fill(INPUT);
  inBody<HTMLButtonElement>('[data-testid="check-pupil-submit"]')!.click();
  await flushPromises();
}

describe('CheckPupil (新生查重)', () => {
  it('is offered to registrars only', async () => {
    const wrapper = await mountCheck([], 'DISTRICT_ADMIN');
    expect(wrapper.find('[data-testid="check-pupil-open"]').exists()).toBe(false);
  });

  it('sends nothing without the name, gender and birth date', async () => {
    const { checked, mock } = checkMock(INPUT, result('NEW_PUPIL'));
    const wrapper = await mountCheck([mock]);
    await vi.waitFor(() => expect(wrapper.find('[data-testid="check-pupil-open"]').exists()).toBe(true));
    await wrapper.find('[data-testid="check-pupil-open"]').trigger('click');
    await vi.waitFor(() => expect(inBody('[data-testid="check-pupil-submit"]')).not.toBeNull());
    inBody<HTMLButtonElement>('[data-testid="check-pupil-submit"]')!.click();
    await vi.waitFor(() => expect(inBody('[data-testid="check-pupil-dialog"]')?.textContent).toContain('请输入学生姓名'));
    expect(checked).not.toHaveBeenCalled();
  });

  it('says a pupil enrolled elsewhere should be asked for, with the ID problems, and opens the 转入申请 filled in', async () => {
    const { checked, mock } = checkMock(INPUT, result('ACTIVE_ELSEWHERE', { school: SHENGLI, idProblems: ['CHECKSUM'] }));
    const wrapper = await mountCheck([mock]);
    await openAndCheck(wrapper);
    await vi.waitFor(() => expect(checked).toHaveBeenCalledTimes(1));
    const shown = await vi.waitFor(() => inBody('[data-testid="check-pupil-result"]')!);
    expect(shown.textContent).toContain('学生在其他学校在籍');
    expect(shown.textContent).toContain('请向该校提出转入申请');
    expect(inBody('[data-testid="check-pupil-id-problems"]')?.textContent).toContain('校验码不正确');
    expect(inBody('[data-testid="check-pupil-school"]')?.textContent).toBe('学籍所在学校：杭州市上城区胜利小学（1330102001）');

    inBody<HTMLButtonElement>('[data-testid="check-pupil-transfer"]')!.click();
    await vi.waitFor(() => expect(inBody<HTMLInputElement>('input[data-testid="transfer-in-school-code"]')?.value).toBe('1330102001'));
    expect(inBody<HTMLInputElement>('input[data-testid="transfer-in-id-number"]')?.value).toBe(INPUT.idNumber);
    expect(inBody<HTMLInputElement>('input[data-testid="transfer-in-name"]')?.value).toBe(INPUT.name);
  });

  it('links to the own record when the school has the pupil already', async () => {
    const { mock } = checkMock(INPUT, result('ALREADY_HERE', { studentId: '42', school: SHENGLI }));
    const wrapper = await mountCheck([mock]);
    await openAndCheck(wrapper);
    await vi.waitFor(() => expect(inBody('[data-testid="check-pupil-record"]')?.getAttribute('href')).toBe('/students/42'));
    expect(inBody('[data-testid="check-pupil-transfer"]')).toBeNull();
  });

  it('translates the daily cap above the form', async () => {
    const cap = checkMock(INPUT, { error: { __typename: 'PupilCheckError', code: 'DAILY_CAP', message: 'cap', field: null } });
    const wrapper = await mountCheck([cap.mock]);
    await openAndCheck(wrapper);
    await vi.waitFor(() => expect(inBody('[data-testid="check-pupil-error"]')?.textContent).toContain('本校今天查到其他学校学生的次数已达上限'));
  });

  it('shows an invalid value on the input it names', async () => {
    const invalid = checkMock(INPUT, { error: { __typename: 'PupilCheckError', code: 'INVALID_VALUE', message: 'bad', field: 'birthDate' } });
    const wrapper = await mountCheck([invalid.mock]);
    await openAndCheck(wrapper);
    await vi.waitFor(() => {
      const item = inBody('[data-testid="check-pupil-dialog"] .el-date-editor')!.closest('.el-form-item')!;
      expect(item.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('“出生日期”无效，请修改后再查。');
    });
    expect(inBody('[data-testid="check-pupil-error"]')).toBeNull();
  });
});
