// splitFences(): API markdown -> prose and code blocks, as the page shows them.
import { describe, expect, it } from 'vitest';
import { splitFences } from '../../../src/sites/markdown';

describe('splitFences', () => {
  it('splits top-level fences with their language, keeping the prose as written', () => {
    expect(splitFences('Run **this**:\n\n```bash\nnpm test\n  --watch\n```\n\nThen `check`.')).toEqual([
      { kind: 'text', text: 'Run **this**:' },
      { kind: 'code', language: 'bash', code: 'npm test\n  --watch' },
      { kind: 'text', text: 'Then `check`.' },
    ]);
  });

  it('handles tildes, longer fences holding shorter ones, and no language', () => {
    expect(splitFences('~~~\na\n~~~')).toEqual([{ kind: 'code', language: null, code: 'a' }]);
    expect(splitFences('````md\n```js\nx\n```\n````')).toEqual([{ kind: 'code', language: 'md', code: '```js\nx\n```' }]);
  });

  it('runs an unclosed fence to the end, and leaves indented code inside lists as prose', () => {
    expect(splitFences('text\n```py\nprint(1)')).toEqual([
      { kind: 'text', text: 'text' }, { kind: 'code', language: 'py', code: 'print(1)' }]);
    expect(splitFences('- item\n\n      ```\n      x\n      ```')).toEqual([
      { kind: 'text', text: '- item\n\n      ```\n      x\n      ```' }]);
  });

  it('does not take inline triple backticks for a fence', () => {
    expect(splitFences('use ```x``` here')).toEqual([{ kind: 'text', text: 'use ```x``` here' }]);
    expect(splitFences('```js title```')).toEqual([{ kind: 'text', text: '```js title```' }]);
  });

  it('gives nothing for empty text', () => {
    expect(splitFences('  \n')).toEqual([]);
  });
});
