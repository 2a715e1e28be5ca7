import { Rocket } from 'lucide-react';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

export function Component() {
  return (
    <>
      <PageHeader title="Deployments" description="What serves in each environment, canaries and their history." />
      <EmptyState title="Nothing is deployed yet" icon={<Rocket />}>
        <p>A model version serves in an environment (staging, production) once it is promoted from its version page under Models.</p>
      </EmptyState>
    </>
  );
}
