/** True in development builds: the shared build turns it into `process.env.NODE_ENV !== 'production'`. */
declare const __DEV__: boolean
