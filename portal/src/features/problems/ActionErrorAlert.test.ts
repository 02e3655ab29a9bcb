import { describe, expect, it } from 'vitest';
import { mountWithApp } from '@/test/mount';
import ActionErrorAlert from './ActionErrorAlert.vue';

describe('ActionErrorAlert', () => {
  it('says an invalid value in the page’s language, naming the field, never the API’s English sentence', async () => {
    const error = { code: 'INVALID_VALUE', message: 'not a date: write it as 2014-03-05', field: 'birthDate' };
    const zh = await mountWithApp(ActionErrorAlert, { props: { error } });
    expect(zh.wrapper.find('[data-testid="action-error"]').text()).toContain('“出生日期”填写得不对');
    expect(zh.wrapper.text()).not.toContain('not a date');
    zh.wrapper.unmount();

    const en = await mountWithApp(ActionErrorAlert, { props: { error: { ...error, field: 'enrollmentMonth' } }, locale: 'en' });
    expect(en.wrapper.find('[data-testid="action-error"]').text()).toContain('“Enrolment month” is not valid');
    en.wrapper.unmount();
  });

  it('falls back to the API’s sentence only for a code the portal does not know', async () => {
    const { wrapper } = await mountWithApp(ActionErrorAlert, { props: { error: { code: 'SOMETHING_NEW', message: 'A new refusal.', field: null } } });
    expect(wrapper.find('[data-testid="action-error"]').text()).toContain('A new refusal.');
    wrapper.unmount();
  });
});
