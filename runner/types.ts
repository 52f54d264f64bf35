/** The runner's boundary types, kept under this name for the engine's imports; they live in runner/protocol/. */
export type {
  EndStatus,
  ProcessSpec,
  RunEvent,
  RunEventMap,
  RunEventType,
  RunRequest,
  SourceLocation,
} from "./protocol";
