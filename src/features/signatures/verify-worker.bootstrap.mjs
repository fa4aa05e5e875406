// Worker threads do not inherit the main thread's tsx loader: register it here, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./verify.worker.ts');
