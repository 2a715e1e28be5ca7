import { Activity } from 'lucide-react';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

export function Component() {
  return (
    <>
      <PageHeader title="Monitoring" description="Drift, latency, throughput and errors of deployed models." />
      <EmptyState title="No monitored deployments" icon={<Activity />}>
        <p>Monitoring starts when a serving system posts its predictions for a deployment with an API token of the ingest role.</p>
      </EmptyState>
    </>
  );
}
