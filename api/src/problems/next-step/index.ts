export { NextStepService, yourTurnSql } from './next-step.service.js';
