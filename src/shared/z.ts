// Every module imports zod from here, so jitless mode is set before any schema is built:
// zod 4 otherwise compiles validators with `new Function`, which MV3's CSP forbids.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
