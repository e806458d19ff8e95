import { name } from './named.json' assert { type: 'json' };
