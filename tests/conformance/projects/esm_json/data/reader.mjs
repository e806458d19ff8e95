import config from './config.json' assert { type: 'json' };
export default config;
