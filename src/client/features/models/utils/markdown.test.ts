import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from './markdown';

describe('markdownToSafeHtml', () => {
  it('renders markdown and strips what could run', () => {
    const html = markdownToSafeHtml('# Churn\n**v2** <script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))');
    expect(html).toContain('<h1>Churn</h1>');
    expect(html).toContain('<strong>v2</strong>');
    expect(html).not.toMatch(/script|onerror|javascript:/);
  });
});
