/** #/aparelho opens the device screens on a page served over plain HTTP (this computer, a second monitor). */
export const DEVICE_ROUTE = 'aparelho';

/**
 * Whether a page is a device's: every page of the shop-network listener (it is HTTPS, loopback is plain
 * HTTP, the desktop window its own protocol), or #/aparelho.
 */
export function isDeviceLocation(location: { protocol: string; hash: string }): boolean {
  return location.protocol === 'https:' || new RegExp(`^#/?${DEVICE_ROUTE}(?:[?/]|$)`).test(location.hash);
}
