export { changeStatus, IllegalTransition, problemState, touchProblems, type StatusChange } from './lifecycle.js';
export { lifecycleDiagram, TRANSITIONS, transitionRefusal, type Transition } from './transitions.js';
