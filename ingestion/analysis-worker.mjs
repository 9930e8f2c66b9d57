// @ts-check
/**
 * Entry of an analysis thread (analysis-pool.ts). Worker threads start without the parent's TypeScript loader,
 * so this registers tsx in the thread and then loads the analysis itself (analysis-thread.ts).
 */
import { register } from 'tsx/esm/api';

register();
await import('./analysis-thread.ts');
