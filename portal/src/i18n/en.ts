import type { MessageSchema } from './zh-CN';
import { accountEn } from '@/features/account/messages';
import { dashboardEn } from '@/features/dashboard/messages';
import { duplicatesEn } from '@/features/duplicates/messages';
import { importEn } from '@/features/import/messages';
import { policeEn } from '@/features/police/messages';
import { problemsEn } from '@/features/problems/messages';
import { reportsEn } from '@/features/reports/messages';
import { reviewEn } from '@/features/review/messages';
import { studentRecordEn } from '@/features/students/messages';
import { transfersEn } from '@/features/transfers/messages';
import { verificationEn } from '@/features/verification/messages';

/** English. Typed against the Chinese catalogue, so a missing or extra key fails the type check. */
const en: MessageSchema = {
  app: {
    name: 'Problem Student-Status Portal',
    tagline: 'Find and settle duplicate and wrong pupil records',
    skipToContent: 'Skip to main content',
    home: 'Home',
  },
  locale: {
    label: 'Language',
    switchTo: 'Change language',
    'zh-CN': '中文',
    en: 'English',
  },
  errors: {
    network: 'Cannot reach the server. Check your connection and try again.',
    server: 'Something went wrong on the server. Please try again later.',
    forbidden: 'You do not have permission to see this data.',
    badInput: 'The search is not valid. Change it and try again.',
    unauthenticated: 'Your session has ended. Please sign in again.',
    unknown: 'Something unexpected happened. Please try again later.',
    retry: 'Try again',
  },
  auth: {
    title: 'Sign in',
    welcome: 'Welcome',
    subtitle: 'Sign in with the account issued by your education bureau',
    username: 'Username',
    usernamePlaceholder: 'Enter your username',
    usernameRequired: 'Enter your username',
    password: 'Password',
    passwordPlaceholder: 'Enter your password',
    passwordRequired: 'Enter your password',
    showPassword: 'Show password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Sign-in failed',
    sessionExpired: 'Your session has expired. Please sign in again.',
    signedOut: 'You have signed out.',
    codes: {
      INVALID_CREDENTIALS: 'Wrong username or password.',
      TOO_MANY_ATTEMPTS: 'Too many failed sign-ins for this username: it is locked for up to 15 minutes. Try again later.',
      TOO_MANY_ATTEMPTS_FROM_ADDRESS: 'Too many failed sign-ins from your network: sign-in is paused for up to 15 minutes. Try again later.',
    },
    footer: 'For authorised student-status staff only. Actions are logged.',
    features: {
      find: 'Finds records with duplicate ID numbers, duplicate identities and invalid ID numbers',
      settle: 'Schools, districts, cities and provinces settle problems together, across schools',
      trace: 'Every action is recorded and can be traced',
    },
  },
  roles: {
    SCHOOL_REGISTRAR: 'School registrar',
    DISTRICT_ADMIN: 'District registrar',
    CITY_ADMIN: 'City administrator',
    PROVINCE_ADMIN: 'Province administrator',
    SYSTEM_ADMIN: 'System administrator',
  },
  layout: {
    mainNav: 'Main navigation',
    openMenu: 'Open navigation menu',
    closeMenu: 'Close navigation menu',
    userMenu: 'User menu: {name}',
    scope: 'Scope',
    scopeAll: 'All regions',
    signOut: 'Sign out',
    loadingUser: 'Loading your account…',
    userLoadFailed: 'Could not load your account.',
  },
  nav: {
    problems: 'Problem records',
    students: 'Students',
    transfers: 'Transfers',
    verification: 'Semester verification',
    police: 'Police verification',
    import: 'Import students',
    review: 'Review',
    possibleDuplicates: 'Possible duplicates',
    dashboard: 'Dashboard',
    reports: 'Custom reports',
    explorer: 'GraphQL explorer',
  },
  pager: {
    label: 'Pagination',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {page} of {pages}',
    pageSize: 'Rows per page',
    pageSizeOption: '{size} / page',
  },
  chart: {
    loading: 'Loading statistics…',
    failed: 'Could not load the statistics',
    noData: 'No data',
  },
  region: {
    label: 'Region',
    province: 'Province',
    city: 'City',
    district: 'District',
    all: 'All',
    loadFailed: 'Could not load regions',
  },
  students: {
    title: 'Students',
    description: 'Student-status records in your scope (deleted records are left out).',
    searchLabel: 'Search students',
    searchPlaceholder: 'Name, or a whole ID number',
    searchHint: 'Search by part of a name or by a whole ID number (numbers are stored encrypted: only the full number matches)',
    total: '{count} records',
    totalMatching: '{count} records match “{search}”',
    tableLabel: 'Student records',
    columns: {
      name: 'Name',
      gender: 'Gender',
      birthDate: 'Date of birth',
      idNumber: 'ID number',
      grade: 'Grade',
      className: 'Class',
      school: 'School',
      district: 'District',
      status: 'Status',
    },
    gender: {
      M: 'Male',
      F: 'Female',
    },
    status: {
      ENROLLED: 'Enrolled',
      SUSPENDED: 'Suspended',
      TRANSFERRED_OUT: 'Transferred out',
      GRADUATED: 'Graduated',
      DELETED: 'Deleted',
    },
    none: '—',
    empty: 'No student records yet',
    emptySearch: 'No records match “{search}”',
    clearSearch: 'Clear search',
    loadFailed: 'Could not load student records',
  },
  problems: problemsEn,
  import: importEn,
  review: reviewEn,
  studentRecord: studentRecordEn,
  transfers: transfersEn,
  verification: verificationEn,
  police: policeEn,
  duplicates: duplicatesEn,
  dashboard: dashboardEn,
  reports: reportsEn,
  account: accountEn,
};

export default en;
