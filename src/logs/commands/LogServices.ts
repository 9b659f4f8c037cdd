import type { Logger } from '../../platform/logger';
import type { UserInput } from '../../platform/userInput';
import type { FindingDocuments } from '../findingDocument';
import type { LogAnnotations } from '../LogAnnotations';
import type { LogDiagnostics } from '../LogDiagnostics';
import type { LogDocumentTracker } from '../LogDocumentTracker';
import type { LogSettings } from '../LogSettings';
import type { WorkspaceLogScanner } from '../WorkspaceLogScanner';

/** What the log commands work with. */
export interface LogServices {
  readonly logger: Logger;
  readonly settings: LogSettings;
  readonly tracker: LogDocumentTracker;
  readonly diagnostics: LogDiagnostics;
  readonly annotations: LogAnnotations;
  readonly findingDocuments: FindingDocuments;
  readonly scanner: WorkspaceLogScanner;
  readonly ui: UserInput;
}
