/** The version the API reports; kept equal to package.json's by a unit test. */
export const MONITOR_VERSION = '0.1.0';
