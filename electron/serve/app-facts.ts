import pkg from '../../package.json';

/** Name and version as the packaged app reports them. */
export const APP_NAME: string = pkg.productName;
export const APP_VERSION: string = pkg.version;
