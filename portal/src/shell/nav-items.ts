import { Checked, CopyDocument, DataAnalysis, Finished, Postcard, Histogram, Monitor, Search, Switch, Upload, Warning } from '@element-plus/icons-vue';
import type { Component } from 'vue';
import { can, type Permission } from '@/auth/roles';
import type { Role } from '@/gql/graphql';
import type { MessageSchema } from '@/i18n/zh-CN';

export interface NavItem {
  /** Route path; also the menu index. */
  path: string;
  labelKey: `nav.${keyof MessageSchema['nav']}`;
  icon: Component;
  /** Shown only to roles with this permission (the page explains itself to anyone else who opens it); absent: everyone. */
  permission?: Permission;
}

/** The side menu. Only pages that exist are listed. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/problems', labelKey: 'nav.problems', icon: Warning },
  { path: '/students', labelKey: 'nav.students', icon: Search },
  { path: '/transfers', labelKey: 'nav.transfers', icon: Switch, permission: 'transfers' },
  { path: '/verification', labelKey: 'nav.verification', icon: Finished, permission: 'verification' },
  { path: '/review', labelKey: 'nav.review', icon: Checked, permission: 'review' },
  { path: '/possible-duplicates', labelKey: 'nav.possibleDuplicates', icon: CopyDocument, permission: 'reviewPossibleDuplicates' },
  { path: '/police', labelKey: 'nav.police', icon: Postcard, permission: 'policeImport' },
  { path: '/import', labelKey: 'nav.import', icon: Upload, permission: 'import' },
  { path: '/dashboard', labelKey: 'nav.dashboard', icon: DataAnalysis, permission: 'dashboard' },
  { path: '/reports', labelKey: 'nav.reports', icon: Histogram, permission: 'staffTools' },
  { path: '/explorer', labelKey: 'nav.explorer', icon: Monitor, permission: 'staffTools' },
];

/** The menu for a role; items limited to some roles wait until the role is known. */
export function navItemsFor(role: Role | null | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(role, item.permission));
}
