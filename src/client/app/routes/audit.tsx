import { ScrollText } from 'lucide-react';
import { CodeBlock } from '../../components/ui/code-block';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

export function Component() {
  return (
    <>
      <PageHeader title="Audit" description="Every change made through Sextant, in a hash-chained log." />
      <EmptyState title="The audit trail is being recorded" icon={<ScrollText />}>
        <p>Sign-ins, user and token changes and every other change are appended to a tamper-evident chain. Check it from a shell:</p>
        <CodeBlock label="verify the audit chain" code="npm run sextant -- audit verify" />
      </EmptyState>
    </>
  );
}
