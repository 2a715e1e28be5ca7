import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { artifactPathFromUri, artifactUriFor } from './artifact-uri';

describe('mlflow-artifacts URIs', () => {
  it('maps the forms MLflow writes to store paths', () => {
    expect(artifactPathFromUri('mlflow-artifacts:/1/abc/artifacts')).toBe('1/abc/artifacts');
    expect(artifactPathFromUri('mlflow-artifacts:///1/abc/artifacts/model/')).toBe('1/abc/artifacts/model');
    expect(artifactPathFromUri('mlflow-artifacts:/1/a%20b')).toBe('1/a b');
    expect(artifactPathFromUri('mlflow-artifacts:/')).toBe('');
    expect(artifactPathFromUri('MLFLOW-ARTIFACTS:/1')).toBe('1');
  });

  it('accepts a host only when asked to (sources must not point elsewhere)', () => {
    expect(() => artifactPathFromUri('mlflow-artifacts://evil.example:5000/1/x')).toThrow(/name no host/);
    expect(artifactPathFromUri('mlflow-artifacts://localhost:5000/1/x', { allowAuthority: true })).toBe('1/x');
    expect(() => artifactPathFromUri('mlflow-artifacts://a@b/1/x', { allowAuthority: true })).toThrow(/Invalid host/);
  });

  it.each([
    'mlflow-artifacts:/1/../../etc/passwd',
    'mlflow-artifacts:/1/%2e%2e/%2e%2e/etc',
    'mlflow-artifacts:/1/%252e%252e/x',
    'mlflow-artifacts:/1/x;params',
    'mlflow-artifacts:/1/x%3bparams',
    'mlflow-artifacts:/1/x#frag',
    'mlflow-artifacts:/1/x?query=1',
    'mlflow-artifacts:/1/..\\..\\x',
    'mlflow-artifacts:1/x',
    'file:///etc/passwd',
    's3://bucket/x',
  ])('refuses %j', (uri) => {
    expect(() => artifactPathFromUri(uri)).toThrow(ApiError);
  });

  it('round-trips store paths, percent signs included', () => {
    for (const path of ['1/abc/artifacts', '1/a b/100%.txt', '1/x%41']) {
      expect(artifactPathFromUri(artifactUriFor(path))).toBe(path);
    }
  });
});
