/** The home feature's public API: all that other features, commands and the composition root may import. */
export { ids } from './contract.js';
export { publishHome } from './publish-home.js';
export { refreshHomesOfMeasure } from './refresh-homes.js';
export { registerHome } from './slack/register.js';
