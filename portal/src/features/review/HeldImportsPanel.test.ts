import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeldImportsPanel_DecideDocument, HeldImportsPanel_HeldImportsDocument } from '@/gql/graphql';
import { mountWithApp } from '@/test/mount';
import HeldImportsPanel from './HeldImportsPanel.vue';

const HOLD = {
  __typename: 'HeldImport',
  id: 'h7',
  fileName: '名单.csv',
  importedBy: 'reg.wang',
  rowsRead: 25,
  crossSchoolMatches: 20,
  reason: 'THRESHOLD',
  createdAt: '2026-11-30T02:00:00.000Z',
  school: { __typename: 'School', id: '7', name: '杭州市西湖区学军小学' },
};

function listMock(nodes: (typeof HOLD)[]): MockedResponse {
  return {
    request: { query: HeldImportsPanel_HeldImportsDocument, variables: { first: 50 } },
    result: { data: { heldImports: { __typename: 'HeldImportConnection', nodes, totalCount: nodes.length } } },
  };
}

function decideMock(approve: boolean, reason: string | null, payload: Record<string, unknown>): MockedResponse {
  return {
    request: { query: HeldImportsPanel_DecideDocument, variables: { input: { id: HOLD.id, approve, reason } } },
    result: { data: { decideHeldImport: { __typename: 'DecideHeldImportPayload', error: null, heldImport: null, ...payload } } },
  };
}

const dialogButton = (label: string) =>
  vi.waitFor(() => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.el-dialog button')].find((b) => b.textContent?.trim() === label);
    expect(button).toBeDefined();
    return button!;
  });

let mounted: VueWrapper | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

describe('HeldImportsPanel', () => {
  it('shows what a held file matched, and rejects it only with a reason', async () => {
    const { wrapper } = await mountWithApp(HeldImportsPanel, {
      mocks: [
        listMock([HOLD]),
        decideMock(false, '疑似猜测身份证件号', {
          ok: true,
          heldImport: { __typename: 'HeldImport', id: HOLD.id, status: 'REJECTED', result: null },
        }),
        listMock([]),
      ],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="held-matches-h7"]').exists()).toBe(true));
    expect(wrapper.find('[data-testid="held-matches-h7"]').text()).toBe('20 / 25 行（80%）');
    expect(wrapper.text()).toContain('单个文件重复过多');
    expect(wrapper.text()).toContain('杭州市西湖区学军小学');

    await wrapper.find('[data-testid="held-reject-h7"]').trigger('click');
    (await dialogButton('不通过')).click();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="held-refusal"]')?.textContent).toContain('请填写不通过的原因'));
    const textarea = document.querySelector<HTMLTextAreaElement>('.el-dialog textarea')!;
    expect(textarea.maxLength).toBe(500);
    textarea.value = '疑似猜测身份证件号';
    textarea.dispatchEvent(new Event('input'));
    (await dialogButton('不通过')).click();
    await vi.waitFor(() => expect(wrapper.find('[data-testid="held-matches-h7"]').exists()).toBe(false));
    expect(wrapper.text()).toContain('没有等待审核的导入');
  });

  it('says so when someone else decided first', async () => {
    const { wrapper } = await mountWithApp(HeldImportsPanel, {
      locale: 'en',
      mocks: [listMock([HOLD]), decideMock(true, null, { ok: false, error: { __typename: 'HeldImportError', code: 'ALREADY_DECIDED', message: 'decided', field: null } }), listMock([])],
    });
    mounted = wrapper;
    await vi.waitFor(() => expect(wrapper.find('[data-testid="held-approve-h7"]').exists()).toBe(true));
    await wrapper.find('[data-testid="held-approve-h7"]').trigger('click');
    (await dialogButton('Approve')).click();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="held-refusal"]')?.textContent).toContain('Someone has already decided this import'));
  });
});
