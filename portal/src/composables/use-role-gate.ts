import type { ApolloError } from '@apollo/client/core';
import { computed, type Ref } from 'vue';
import { can, type Permission } from '@/auth/roles';
import type { Role } from '@/gql/graphql';
import { useErrorMessage } from './use-error-message';

/** What a page's own `me` query (useQuery) gives the gate: the user's role, and whether it is loading or failed. */
interface MeQuery {
  result: Ref<{ me?: { role: Role } | null } | undefined>;
  loading: Ref<boolean>;
  error: Ref<ApolloError | null | undefined>;
}

/**
 * Whether the signed-in user may use a page, from the page's `me` query: the role, the verdict,
 * and `gate`, the props of RolePage (components/RolePage.vue) that show the page or say why not.
 */
export function useRoleGate(me: MeQuery, permission: Permission) {
  const role = computed(() => me.result.value?.me?.role ?? null);
  const allowed = computed(() => can(role.value, permission));
  const userError = useErrorMessage(me.error);
  const gate = computed(() => ({ role: role.value, allowed: allowed.value, loadingUser: me.loading.value, userError: userError.value }));
  return { role, allowed, gate };
}
