import { Boxes } from 'lucide-react';
import { CodeBlock } from '../../components/ui/code-block';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';

export function Component() {
  return (
    <>
      <PageHeader title="Models" description="Registered models, their versions and where each one came from." />
      <EmptyState title="No registered models yet" icon={<Boxes />}>
        <p>Register a model while logging it, or from an existing run:</p>
        <CodeBlock
          label="register a model"
          code={'mlflow.sklearn.log_model(model, name="model", registered_model_name="churn")\n# or\nmlflow.register_model(f"runs:/{run_id}/model", "churn")'}
        />
      </EmptyState>
    </>
  );
}
