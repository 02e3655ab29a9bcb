import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { setAuthToken } from '@/composables/use-auth-token';
import { mountWithApp } from '@/test/mount';
import MaterialUpload, { type MaterialItem } from './MaterialUpload.vue';

/** MaterialUpload with its v-model held by a parent, as the action dialog holds it. */
const Host = defineComponent({
  setup(_props, { expose }) {
    const items = ref<MaterialItem[]>([]);
    expose({ items });
    return () => h(MaterialUpload, { modelValue: items.value, 'onUpdate:modelValue': (value: MaterialItem[]) => (items.value = value), defaultKind: 'ID_CARD' });
  },
});

async function choose(wrapper: Awaited<ReturnType<typeof mountWithApp>>['wrapper'], files: File[]): Promise<void> {
  const input = wrapper.find('input[type="file"]').element as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

describe('MaterialUpload', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uploads each chosen file with the chosen kind, and shows images as thumbnails and PDFs as files', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => `blob:${(blob as File).name}`);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    let next = 40;
    const fetch = vi.fn(async () => new Response(JSON.stringify({ materialId: String(++next), contentType: 'image/png', size: 4 }), { status: 201 }));
    vi.stubGlobal('fetch', fetch);

    const { wrapper } = await mountWithApp(Host);
    await choose(wrapper, [
      new File(['png'], '身份证正面.png', { type: 'image/png' }),
      new File(['%PDF'], '户口簿.pdf', { type: 'application/pdf' }),
    ]);

    await vi.waitFor(() => expect(wrapper.findAll('.material-upload__item.is-done')).toHaveLength(2));
    expect(fetch.mock.calls.map((call) => (call as unknown as [string])[0])).toEqual(['/materials?kind=ID_CARD', '/materials?kind=ID_CARD']);
    const items = (wrapper.vm as unknown as { items: MaterialItem[] }).items;
    expect(items.map((i) => i.materialId)).toEqual(['41', '42']);

    const [image, pdf] = wrapper.findAll('.material-upload__item');
    expect(image!.find('img').attributes('src')).toBe('blob:身份证正面.png');
    expect(image!.find('a').attributes('aria-label')).toBe('查看 身份证正面.png');
    expect(pdf!.find('img').exists()).toBe(false);
    expect(pdf!.text()).toContain('PDF 文件');
    expect(pdf!.find('a').attributes('aria-label')).toBe('打开 户口簿.pdf');

    await image!.find('button[aria-label="移除 身份证正面.png"]').trigger('click');
    expect((wrapper.vm as unknown as { items: MaterialItem[] }).items.map((i) => i.name)).toEqual(['户口簿.pdf']);
    wrapper.unmount();
  });

  it('refuses a file that is not an image or PDF without sending it, and shows the API’s refusal', async () => {
    setAuthToken('t.o.k', '2999-01-01T00:00:00Z');
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'UNSUPPORTED_TYPE', message: 'only JPEG, PNG and PDF' } }), { status: 415 }));
    vi.stubGlobal('fetch', fetch);

    const { wrapper } = await mountWithApp(Host);
    await choose(wrapper, [new File(['x'], '说明.docx', { type: 'application/msword' }), new File(['not a png'], '伪装.png', { type: 'image/png' })]);

    await vi.waitFor(() => expect(wrapper.findAll('.material-upload__item.is-error')).toHaveLength(2));
    expect(fetch).toHaveBeenCalledTimes(1);
    const errors = wrapper.findAll('.material-upload__status.is-error').map((e) => e.text());
    expect(errors).toEqual(['只能上传 JPG、PNG 图片或 PDF 文件', '只能上传 JPG、PNG 图片或 PDF 文件（按文件内容检查）']);

    // The registrar chooses the right file: the refused ones leave the list.
    fetch.mockImplementation(async () => new Response(JSON.stringify({ materialId: '77', contentType: 'image/png', size: 4 }), { status: 201 }));
    await choose(wrapper, [new File(['png'], '身份证.png', { type: 'image/png' })]);
    await vi.waitFor(() => expect(wrapper.findAll('.material-upload__item.is-done')).toHaveLength(1));
    expect((wrapper.vm as unknown as { items: MaterialItem[] }).items.map((i) => i.name)).toEqual(['身份证.png']);
    wrapper.unmount();
  });
});
