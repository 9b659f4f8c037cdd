// `npm run test:electron`: the same integration suites under @vscode/test-electron, for
// machines that can download VS Code (set VSCODE_PATH to use an installed one instead).
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: 'test/workspace',
  version: '1.100.3',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  env: { SCCM_TEST_RUN: '1' },
  mocha: { ui: 'bdd', timeout: 60000, forbidOnly: true },
  ...(process.env.VSCODE_PATH ? { useInstallation: { fromPath: process.env.VSCODE_PATH } } : {}),
});
