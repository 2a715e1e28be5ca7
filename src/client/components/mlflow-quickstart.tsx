import { CodeBlock } from './ui/code-block';

/** The lines that point an MLflow client at this server. */
export function MlflowQuickstart({ username }: { username: string }) {
  const origin = window.location.origin;
  return (
    <div className="space-y-3 text-left">
      <p>In a shell, with an API token from Settings → API tokens:</p>
      <CodeBlock
        label="shell setup"
        code={`export MLFLOW_TRACKING_USERNAME=${username}\nexport MLFLOW_TRACKING_PASSWORD=<your API token>`}
      />
      <p>Then in Python, three lines and your training code as it is:</p>
      <CodeBlock
        label="python setup"
        code={`import mlflow\nmlflow.set_tracking_uri("${origin}")\nmlflow.set_experiment("my-first-experiment")`}
      />
    </div>
  );
}
