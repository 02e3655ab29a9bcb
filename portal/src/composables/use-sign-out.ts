import { useApolloClient } from '@vue/apollo-composable';
import { useRouter } from 'vue-router';
import { SignOut_LogoutDocument } from '@/gql/graphql';
import { clearAuthToken, getAuthToken } from './use-auth-token';

export type SignOutReason = 'signed-out' | 'expired';

/**
 * End the session on the server (a sign-out the user asked for), forget the token, go to the
 * sign-in page, then drop everything cached for this user. `expired` (the session ended by itself)
 * brings the user back to this page after signing in again.
 */
export function useSignOut() {
  const router = useRouter();
  const { resolveClient } = useApolloClient();

  return async function signOut(reason: SignOutReason = 'signed-out'): Promise<void> {
    const here = router.currentRoute.value.fullPath;
    if (reason === 'signed-out' && getAuthToken()) {
      // The user leaves whatever the server answers: a network failure must not keep them signed in
      // here, and a session the server already ended has nothing left to end.
      await resolveClient()
        .mutate({ mutation: SignOut_LogoutDocument })
        .catch(() => undefined);
    }
    clearAuthToken();
    await router.replace({
      name: 'login',
      query: reason === 'expired' ? { reason, redirect: here } : { reason },
    });
    await resolveClient().clearStore();
  };
}
