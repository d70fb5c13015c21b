export * from './incoming.js';
export * from './reply.js';
export { renderText, citationLine } from './render-text.js';
export { cleanText, boundText } from './normalise.js';
export { MESSAGES } from './messages.js';
