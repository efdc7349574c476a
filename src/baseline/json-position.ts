// Where JSON text stops being JSON. JSON.parse says only that it failed for some mistakes (a trailing comma:
// no position in Node 20's message), and its message quotes the text; a person fixing the file needs the line.

/** The offset of the first character that makes `text` invalid JSON, or null when it is valid. */
export function jsonErrorOffset(text: string): number | null {
  let at = 0;
  const fail = (): never => {
    throw new Stop(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) fail();
      at++;
    }
  };
  const string = () => {
    at++; // the opening quote
    for (;;) {
      if (at >= text.length) fail();
      const code = text.charCodeAt(at);
      if (code === 0x22) return void at++;
      if (code < 0x20) fail();
      if (code === 0x5c) {
        at++;
        const escape = text[at];
        if (escape === 'u') {
          for (let digit = 0; digit < 4; digit++) {
            at++;
            if (!/[0-9a-fA-F]/.test(text[at] ?? '')) fail();
          }
          at++;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) fail();
      }
      at++;
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match || match[0] === '-' || match[0] === '') fail();
    at += match![0].length;
  };
  let depth = 0;
  const value = (): void => {
    space();
    // Past any depth a baseline has, the place of the first mistake matters less than not overflowing.
    if (++depth > 64) fail();
    const char = text[at];
    if (char === '{') object();
    else if (char === '[') array();
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
    else fail();
    depth--;
  };
  const object = () => {
    at++;
    space();
    if (text[at] === '}') return void at++;
    for (;;) {
      space();
      if (text[at] !== '"') fail();
      string();
      space();
      if (text[at] !== ':') fail();
      at++;
      value();
      space();
      if (text[at] === ',') at++;
      else if (text[at] === '}') return void at++;
      else fail();
    }
  };
  const array = () => {
    at++;
    space();
    if (text[at] === ']') return void at++;
    for (;;) {
      value();
      space();
      if (text[at] === ',') at++;
      else if (text[at] === ']') return void at++;
      else fail();
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
}

class Stop {
  constructor(readonly offset: number) {}
}
