import { useApolloClient } from '@vue/apollo-composable';
import { useRouter } from 'vue-router';
import { clearAuthToken } from './use-auth-token';

export type SignOutReason = 'signed-out' | 'expired';

/**
 * Forget the token, go to the sign-in page, then drop everything cached for this user.
 * `expired` (the session ended by itself) brings the user back to this page after signing in again.
 */
export function useSignOut() {
  const router = useRouter();
  const { resolveClient } = useApolloClient();

  return async function signOut(reason: SignOutReason = 'signed-out'): Promise<void> {
    const here = router.currentRoute.value.fullPath;
    clearAuthToken();
    await router.replace({
      name: 'login',
      query: reason === 'expired' ? { reason, redirect: here } : { reason },
    });
    await resolveClient().clearStore();
  };
}
