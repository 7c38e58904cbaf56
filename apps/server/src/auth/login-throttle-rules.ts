import { isIPv4, isIPv6 } from 'node:net';
import type { ThrottleRule } from '@lancar/db';

const MINUTE = 60 * 1000;

/** Five wrong passwords for one login name lock it for 15 minutes, whether or not the account exists. */
export const LOGIN_NAME_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** One address guessing across many names: a looser limit, since a clinic's phones may share one address. */
export const CLIENT_ADDRESS_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** Guessing activation codes from one address. */
export const ACTIVATION_RULE: ThrottleRule = { maxFailures: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/**
 * The part of a client address that one client controls. An IPv6 connection (a home or mobile line) is given a
 * whole /64 network and may use any address in it, so counting failures per full IPv6 address would hand a guesser
 * 2^64 fresh allowances: its /64 is counted instead. An IPv4 address written as IPv6 (::ffff:a.b.c.d) is IPv4.
 */
export function clientNetwork(ip: string): string {
  const address = ip.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const network = full.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, ''));
  return `${network.join(':')}::/64`;
}

export const throttleKeys = {
  loginName: (name: string) => `login:${name}`,
  address: (ip: string) => `ip:${clientNetwork(ip)}`,
  activation: (ip: string) => `activate:${clientNetwork(ip)}`,
};
