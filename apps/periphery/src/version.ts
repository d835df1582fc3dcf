/** The version the agent reports; kept equal to package.json's by a unit test. */
export const PERIPHERY_VERSION = '0.1.0';
