export const load = () => import('#internal');
