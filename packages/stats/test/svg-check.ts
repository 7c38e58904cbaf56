// A minimal well-formedness check for the generated SVG (no DOM in the tests either): every tag closes in order,
// attributes are quoted, and no NaN or Infinity leaked into the markup.
import assert from 'node:assert/strict';

export function assertWellFormedSvg(svg: string): void {
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), 'starts with an svg element');
  assert.ok(!/NaN|Infinity|undefined/.test(svg), 'no NaN, Infinity or undefined in the markup');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<]*")*)\s*(\/?)>/g;
  let position = 0;
  for (let match = tag.exec(svg); match; match = tag.exec(svg)) {
    const between = svg.slice(position, match.index);
    assert.ok(!between.includes('<') && !between.includes('>'), `stray markup before ${match[0]}`);
    assert.ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(between), `unescaped & in "${between}"`);
    position = match.index + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the open element`);
    else if (!selfClosing) stack.push(name!);
  }
  assert.equal(position, svg.length, 'nothing after the root element');
  assert.deepEqual(stack, [], 'all elements closed');
}

export function count(svg: string, pattern: RegExp): number {
  return svg.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}
