import { Command } from 'commander';
import { registerAdminCommands } from './cli/admin-commands';
import { registerDemoCommands } from './cli/demo-commands';
import { registerServeCommands } from './cli/serve-commands';
import { ConfigError } from './config/env';

const program = new Command('sextant')
  .description('Sextant: MLOps console and MLflow-compatible server')
  .showHelpAfterError();
registerServeCommands(program);
registerAdminCommands(program);
registerDemoCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
