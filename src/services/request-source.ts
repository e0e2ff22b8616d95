/** Where a call came from: the desktop window (Electron IPC), or the client address of an HTTP request. */
export const LOCAL_SOURCE = 'local';

const THIS_COMPUTER = new Set([LOCAL_SOURCE, '127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The counter itself: the desktop window or a browser on this computer's own loopback address. Any
 * other address (a tablet, a kitchen screen, another process bound to 127.0.0.2) is another device.
 */
export const isThisComputer = (source: string): boolean => THIS_COMPUTER.has(source);
