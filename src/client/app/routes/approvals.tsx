import { CheckSquare } from 'lucide-react';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

export function Component() {
  return (
    <>
      <PageHeader title="Approvals" description="Promotion and rollback requests, their gates and decisions." />
      <EmptyState title="No requests" icon={<CheckSquare />}>
        <p>When an engineer requests a promotion into a protected environment, the request waits here for approvers.</p>
      </EmptyState>
    </>
  );
}
