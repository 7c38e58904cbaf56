import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientNetwork, throttleKeys } from './login-throttle-rules.ts';

describe('which client a failed login counts against', () => {
  it('counts an IPv4 address as itself, also when written as IPv6', () => {
    assert.equal(clientNetwork('203.0.113.7'), '203.0.113.7');
    assert.equal(clientNetwork('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(clientNetwork('::FFFF:203.0.113.7'), '203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const network = '2001:db8:85a3:8d3::/64';
    for (const address of [
      '2001:db8:85a3:8d3:1319:8a2e:370:7348',
      '2001:0db8:85a3:08d3:ffff:ffff:ffff:fffe',
      '2001:DB8:85A3:8D3::1',
      '2001:db8:85a3:8d3::',
      '2001:db8:85a3:8d3::1%eth0',
    ]) {
      assert.equal(clientNetwork(address), network, address);
    }
    assert.equal(clientNetwork('::1'), '0:0:0:0::/64');
    assert.equal(clientNetwork('fe80::1'), 'fe80:0:0:0::/64');
    assert.notEqual(clientNetwork('2001:db8:85a3:8d4::1'), network, 'the next /64 is another client');
  });

  it('keys login and activation guesses by that network', () => {
    assert.equal(throttleKeys.address('2001:db8::1'), throttleKeys.address('2001:db8::ffff'));
    assert.equal(throttleKeys.activation('2001:db8::1'), 'activate:2001:db8:0:0::/64');
    assert.equal(throttleKeys.address('127.0.0.1'), 'ip:127.0.0.1');
  });
});
