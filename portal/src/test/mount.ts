import { ApolloClient } from '@apollo/client/core';
import { MockLink, type MockedResponse } from '@apollo/client/testing/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import type { Component } from 'vue';
import { createMemoryHistory, type Router } from 'vue-router';
import { createCache } from '@/apollo/client';
import { createAppI18n, type AppLocale } from '@/i18n';
import { createAppRouter } from '@/router';

export interface AppMountOptions {
  /** GraphQL responses the component may ask for, in order. */
  mocks?: readonly MockedResponse[];
  locale?: AppLocale;
  /** Where the router starts; a router is created only when given. */
  route?: string;
  props?: Record<string, unknown>;
}

/** Mounts a component with i18n, a mocked Apollo client and (optionally) the app router. */
export async function mountWithApp(component: Component, options: AppMountOptions = {}) {
  const i18n = createAppI18n(options.locale ?? 'zh-CN');
  const apollo = new ApolloClient({
    link: new MockLink([...(options.mocks ?? [])], true, { showWarnings: true }),
    cache: createCache(),
    // Its "install the devtools" hint fires on a timer that can outlive the test file's window.
    devtools: { enabled: false },
  });
  let router: Router | undefined;
  const plugins: NonNullable<ComponentMountingOptions<Component>['global']>['plugins'] = [i18n];
  if (options.route !== undefined) {
    router = createAppRouter(createMemoryHistory());
    plugins.push(router);
    await router.push(options.route);
    await router.isReady();
  }
  const wrapper = mount(component, {
    props: options.props,
    attachTo: document.body,
    global: { plugins, provide: { [DefaultApolloClient]: apollo } },
  });
  return { wrapper, apollo, router, i18n };
}
