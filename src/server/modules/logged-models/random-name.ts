import { randomInt } from 'node:crypto';

/** MLflow-style random names ("adjective-noun-123") for logged models created without one. */
const adjectives = ['amazing', 'bold', 'brave', 'calm', 'clever', 'gentle', 'honest', 'keen', 'lucky', 'merry', 'nimble', 'quiet', 'silent', 'sunny', 'swift', 'wise'];
const nouns = ['badger', 'crane', 'deer', 'finch', 'fox', 'hare', 'heron', 'lark', 'lynx', 'mole', 'otter', 'owl', 'seal', 'stoat', 'swan', 'wren'];

export function randomModelName(): string {
  return `${adjectives[randomInt(adjectives.length)]}-${nouns[randomInt(nouns.length)]}-${randomInt(1000)}`;
}
