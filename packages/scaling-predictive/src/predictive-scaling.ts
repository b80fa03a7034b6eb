import { type ScalingStrategy, defineScaling } from '@nss/core';
import { createPredictiveState, decidePredictive } from './decide.js';
import {
  PREDICTIVE_NAME,
  type PredictiveParameters,
  predictiveParametersSchema,
  resolvePredictiveParameters,
} from './parameters.js';

/**
 * Predictive vertical CPU scaling: every `monitor_interval` ms it measures each VNF instance's work
 * arrival rate (instructions/s) over the interval, forecasts the next `horizon` intervals with an
 * `@nss/ml` model trained on the instance's own history (`ridge` by default; `seasonal-naive`,
 * `persistence`, `trailing-mean`, `gbm`), and sets the CPU ahead of demand to
 * forecast · (1 + headroom) / target_utilization (plus the queued work), raised if needed until the
 * estimated probability of a packet waiting past its share of the SLA is at most `sla_miss_target`
 * (M/D/1 mean wait, exponential tail), never below the VNF type's
 * cpu nor above what the node has free. Scale-downs need the target below cpu · (1 − hysteresis) and
 * `waiting_time` ms since the instance's last scaling. The core validates and logs the actions
 * (`SCALING_UP_CPU`, `SCALING_DOWN_CPU`, `*_FAIL`).
 *
 * Names: `predictive`, aliases `PredictiveScaling`, `@nss/scaling-predictive`.
 */
export const predictiveScaling = defineScaling<Partial<PredictiveParameters>>({
  name: PREDICTIVE_NAME,
  aliases: ['PredictiveScaling', '@nss/scaling-predictive'],
  description:
    'Vertical CPU scaling ahead of demand: forecasts each VNF instance\'s arrival rate with @nss/ml (ridge, seasonal naive, …) and allocates CPU for it.',
  parameters: predictiveParametersSchema(),
  check(raw) {
    resolvePredictiveParameters(raw);
  },
  create(raw): ScalingStrategy {
    const p = resolvePredictiveParameters(raw);
    const state = createPredictiveState();
    return {
      name: PREDICTIVE_NAME,
      monitorInterval: p.monitor_interval,
      windowSize: p.monitor_interval,
      monitor: (view) => decidePredictive(view, p, state),
      stop: () => {
        state.forecasters.clear();
        state.lastScaling.clear();
        state.workPerPacket.clear();
      },
    };
  },
});
