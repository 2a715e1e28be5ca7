import { invalidParameter } from '../../errors';
import { type Stage, stages } from './registry-types';

/**
 * MLflow's validation rules for the registry (section 3 of the MLflow reference), plus the name
 * rules that keep names from colliding (CVE-2024-3099).
 */
const maxNameLength = 256;
const maxTagKeyLength = 250;
const maxTagValueLength = 5000;
const maxAliasLength = 255;
const maxVersion = 2 ** 31 - 1;

/**
 * A registered model name is matched byte for byte, so names that look alike must not both
 * exist: refuse %-encoded names (a URL-encoded name could shadow another, CVE-2024-3099), control
 * characters, surrounding whitespace and non-NFC Unicode. Spaces, slashes and other Unicode are fine.
 */
export function validateModelName(name: string, field = 'name'): string {
  if (name === '') throw invalidParameter(`Missing value for required parameter '${field}'.`);
  const shown = JSON.stringify(name.slice(0, 100));
  if (name.length > maxNameLength) throw invalidParameter(`Registered model name ${shown}… is longer than ${maxNameLength} characters.`);
  if (/%[0-9A-Fa-f]{2}/.test(name)) throw invalidParameter(`Registered model name ${shown} contains a %-encoded character; use the character itself.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalidParameter(`Registered model name ${shown} contains control characters.`);
  if (name.trim() !== name) throw invalidParameter(`Registered model name ${shown} starts or ends with whitespace.`);
  if (name.normalize('NFC') !== name) throw invalidParameter(`Registered model name ${shown} is not in Unicode NFC form.`);
  return name;
}

/** Versions travel as strings ("3") but must be positive integers. */
export function parseVersion(value: string | number, field = 'version'): number {
  const text = String(value).trim();
  const version = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(version) || version < 1 || version > maxVersion) {
    throw invalidParameter(`Parameter '${field}' must be a positive integer, got ${JSON.stringify(String(value).slice(0, 50))}.`);
  }
  return version;
}

/** MLflow's tag key rule: safe characters, and a path that is already normalised. */
export function validateTagKey(key: string): string {
  if (key === '') throw invalidParameter("Missing value for required parameter 'key'.");
  if (key.length > maxTagKeyLength) throw invalidParameter(`Tag key '${key.slice(0, 50)}…' is longer than ${maxTagKeyLength} characters.`);
  if (!/^[A-Za-z0-9_\-. /:]+$/.test(key)) {
    throw invalidParameter(`Invalid tag name: '${key}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/).`);
  }
  const segments = key.split('/');
  const normalised = key === '.' || key.startsWith('/') || segments.includes('..') || segments.includes('.') || (segments.length > 1 && segments.includes(''));
  if (normalised) throw invalidParameter(`Invalid tag name: '${key}'. Names may be treated as files in certain cases, and must not resolve to other names when treated as such.`);
  return key;
}

export function validateTagValue(value: string): string {
  if (value.length > maxTagValueLength) throw invalidParameter(`Tag value is longer than ${maxTagValueLength} characters.`);
  return value;
}

/** Aliases: ≤255 of [A-Za-z0-9_-]; `latest` and `v<digits>` are reserved for version references. */
export function validateAlias(alias: string): string {
  if (alias === '') throw invalidParameter("Missing value for required parameter 'alias'.");
  if (alias.length > maxAliasLength) throw invalidParameter(`Alias '${alias.slice(0, 50)}…' is longer than ${maxAliasLength} characters.`);
  if (!/^[A-Za-z0-9_-]+$/.test(alias)) throw invalidParameter(`Invalid alias name: '${alias}'. Aliases may only contain alphanumerics, underscores (_) and dashes (-).`);
  if (alias.toLowerCase() === 'latest') throw invalidParameter(`'${alias}' alias name (case insensitive) is reserved.`);
  if (/^v\d+$/i.test(alias)) throw invalidParameter(`Version alias name '${alias}' is reserved.`);
  return alias;
}

/** Stage names are matched case-insensitively and returned in canonical spelling. */
export function canonicalStage(stage: string): Stage {
  const match = stages.find((candidate) => candidate.toLowerCase() === stage.toLowerCase());
  if (!match) throw invalidParameter(`Invalid Model Version stage: ${stage.slice(0, 50)}. Value must be one of ${stages.join(', ')}.`);
  return match;
}
