/**
 * The plugin architecture of @nss/core: the strategy contracts (placement, scaling, dispatch), the
 * views strategies read, plugin definitions and their parameter validation, the registry that resolves
 * configured names, and the validation of every decision before the simulation applies it.
 *
 * @module
 */

// Strategy contracts and the views handed to strategies.
export type {
  InfrastructureView,
  LinkResources,
  NodeResources,
  SfcInstanceView,
  VnfInstanceView,
} from './infrastructure-view.js';
export type {
  ChainDecision,
  PlacementDecision,
  PlacementDetails,
  PlacementPlan,
  PlacementStrategy,
  RejectDecision,
  ShareDecision,
  VnfAssignment,
} from './placement.js';
export type {
  AddInstanceAction,
  MonitorView,
  RemoveInstanceAction,
  ScalingAction,
  ScalingStrategy,
  SfcInstanceMonitor,
  VerticalScalingAction,
  VnfInstanceMonitor,
} from './monitor-view.js';
export type { DispatchContext, DispatchPolicy } from './dispatch.js';

// Defining plugins.
export type { ParameterSchema, ParameterType, ParametersSchema } from './parameters-schema.js';
export {
  PLUGIN_KINDS,
  defineDispatch,
  definePlacement,
  defineScaling,
  isPlugin,
} from './define-plugin.js';
export type {
  AnyPlugin,
  ContextOfKind,
  DispatchPlugin,
  DispatchPluginContext,
  PlacementContext,
  PlacementPlugin,
  Plugin,
  PluginCheckContext,
  PluginDefinition,
  PluginKind,
  PluginOfKind,
  ScalingContext,
  ScalingPlugin,
  StrategyOfKind,
} from './define-plugin.js';

// Parameters and instantiation.
export {
  PluginParametersError,
  checkParameters,
  describeSchema,
  formatProblem,
  parameterIssues,
  validatePluginParameters,
} from './parameters-validation.js';
export type { ParameterProblem, ParameterizedPlugin, ParametersCheck } from './parameters-validation.js';
export { checkPlugin, instantiate } from './instantiate.js';

// Resolving configured names.
export { PluginRegistry } from './registry.js';
export type { PluginSummary, ResolveOptions } from './registry.js';
export { isModulePath } from './load-plugin-module.js';

// Validating decisions.
export { PlanReservations, type PlannedVnfInstance } from './plan-reservations.js';
export { checkPlacementPlan } from './plan-validation.js';
export type {
  AcceptedPlacement,
  CheckedPlacement,
  IgnoredDecision,
  NewVnfInstance,
  PlacementConstraint,
  RejectedPlacement,
  ResolvedVnfAssignment,
} from './plan-validation.js';
export { checkScalingActions, roundHalfToEven } from './scaling-validation.js';
export type {
  AcceptedAddInstance,
  AcceptedRemoveInstance,
  AcceptedVerticalScaling,
  CheckedScalingAction,
  RejectedScalingAction,
  ResourceChange,
  ScalingCheckOptions,
  ScalingConstraint,
  ScalingDirection,
} from './scaling-validation.js';
