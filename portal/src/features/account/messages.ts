/**
 * Messages of the user's own account (修改密码), wired into the catalogues as `account`.
 * `accountEn` is typed against `accountZhCN`, so a missing or extra key fails the type check.
 */
export const accountZhCN = {
  changePassword: {
    title: '修改密码',
    intro: '修改后，您在其他设备和浏览器上的登录将全部退出，需要用新密码重新登录。',
    currentPassword: '当前密码',
    currentPasswordPlaceholder: '请输入当前密码',
    currentPasswordRequired: '请输入当前密码',
    newPassword: '新密码',
    newPasswordPlaceholder: '至少 {min} 个字符',
    newPasswordRequired: '请输入新密码',
    newPasswordTooShort: '新密码至少需要 {min} 个字符',
    newPasswordSameAsCurrent: '新密码不能与当前密码相同',
    confirmPassword: '确认新密码',
    confirmPasswordPlaceholder: '请再次输入新密码',
    confirmPasswordRequired: '请再次输入新密码',
    confirmPasswordMismatch: '两次输入的新密码不一致',
    cancel: '取消',
    submit: '确认修改',
    submitting: '正在修改…',
    failed: '密码修改失败',
    changed: '密码已修改。您在其他设备上的登录已全部退出。',
    codes: {
      WRONG_PASSWORD: '当前密码不正确。',
      WEAK_PASSWORD: '新密码至少需要 {min} 个字符，且不能与当前密码相同。',
      TOO_MANY_ATTEMPTS: '该账号密码输错次数过多，已暂时锁定（最长 15 分钟），请稍后再试。',
      TOO_MANY_ATTEMPTS_FROM_ADDRESS: '您所在网络的密码输错次数过多，已暂时限制（最长 15 分钟），请稍后再试。',
    },
  },
};

export type AccountMessages = typeof accountZhCN;

export const accountEn: AccountMessages = {
  changePassword: {
    title: 'Change password',
    intro: 'After the change, you are signed out on every other device and browser, and sign in there with the new password.',
    currentPassword: 'Current password',
    currentPasswordPlaceholder: 'Enter your current password',
    currentPasswordRequired: 'Enter your current password',
    newPassword: 'New password',
    newPasswordPlaceholder: 'At least {min} characters',
    newPasswordRequired: 'Enter a new password',
    newPasswordTooShort: 'The new password needs at least {min} characters',
    newPasswordSameAsCurrent: 'The new password must differ from the current one',
    confirmPassword: 'Confirm new password',
    confirmPasswordPlaceholder: 'Enter the new password again',
    confirmPasswordRequired: 'Enter the new password again',
    confirmPasswordMismatch: 'The two new passwords do not match',
    cancel: 'Cancel',
    submit: 'Change password',
    submitting: 'Changing…',
    failed: 'The password was not changed',
    changed: 'Your password has been changed. You have been signed out on all other devices.',
    codes: {
      WRONG_PASSWORD: 'The current password is wrong.',
      WEAK_PASSWORD: 'The new password needs at least {min} characters and must differ from the current one.',
      TOO_MANY_ATTEMPTS: 'Too many wrong passwords for this account: it is locked for up to 15 minutes. Try again later.',
      TOO_MANY_ATTEMPTS_FROM_ADDRESS: 'Too many wrong passwords from your network: it is paused for up to 15 minutes. Try again later.',
    },
  },
};
