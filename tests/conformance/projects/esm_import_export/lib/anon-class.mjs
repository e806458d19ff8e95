export default class { };
