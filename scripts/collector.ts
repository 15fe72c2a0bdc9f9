// `npm run collector -- [options]`: the reference collector on its own (see --help).
import { exitWith, serve } from './serve';

exitWith(serve(process.argv.slice(2)), 'collector');
