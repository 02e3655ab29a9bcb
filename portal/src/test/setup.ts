import { afterEach, beforeEach } from 'vitest';

// Element Plus form validation (async-validator) logs every failed rule to the console in Node.
(globalThis as { ASYNC_VALIDATOR_NO_WARNING?: number }).ASYNC_VALIDATOR_NO_WARNING = 1;

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  document.body.innerHTML = '';
});
