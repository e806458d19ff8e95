import config from './static.json';
