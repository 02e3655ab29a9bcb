import { Search } from '@element-plus/icons-vue';
import type { Component } from 'vue';
import type { MessageSchema } from '@/i18n/zh-CN';

export interface NavItem {
  /** Route path; also the menu index. */
  path: string;
  labelKey: `nav.${keyof MessageSchema['nav']}`;
  icon: Component;
}

/** The side menu. Only pages that exist are listed. */
export const NAV_ITEMS: readonly NavItem[] = [{ path: '/students', labelKey: 'nav.students', icon: Search }];
