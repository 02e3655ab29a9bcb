import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { createApolloClient } from './apollo/client';
import { clearAuthToken, getAuthToken } from './composables/use-auth-token';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import './styles/main.css';

const i18n = createAppI18n();
const router = createAppRouter();

const apolloClient = createApolloClient({
  getToken: getAuthToken,
  // The gateway refused the token (expired, revoked): forget it and ask the user to sign in again,
  // then come back to the page they were on.
  onUnauthenticated() {
    clearAuthToken();
    const current = router.currentRoute.value;
    if (current.name === 'login') return;
    void router
      .replace({ name: 'login', query: { reason: 'expired', redirect: current.fullPath } })
      .then(() => apolloClient.clearStore());
  },
});

createApp(App).provide(DefaultApolloClient, apolloClient).use(i18n).use(router).mount('#app');
