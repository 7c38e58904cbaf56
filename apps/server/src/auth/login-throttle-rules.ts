import type { ThrottleRule } from '@lancar/db';

const MINUTE = 60 * 1000;

/** Five wrong passwords for one login name lock it for 15 minutes, whether or not the account exists. */
export const LOGIN_NAME_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** One address guessing across many names: a looser limit, since a clinic's phones may share one address. */
export const CLIENT_ADDRESS_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** Guessing activation codes from one address. */
export const ACTIVATION_RULE: ThrottleRule = { maxFailures: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export const throttleKeys = {
  loginName: (name: string) => `login:${name}`,
  address: (ip: string) => `ip:${ip}`,
  activation: (ip: string) => `activate:${ip}`,
};
