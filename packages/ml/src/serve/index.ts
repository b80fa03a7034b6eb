/** Model serving: the HTTP server, hot-reloaded model files, and the load tester. */
export { type ModelLoader, ModelSlot, type ModelSlotStatus, type ServableModel } from './model-slot.js';
export { type ForecastResult, type MlServer, type MlServerOptions, type ServedModelFiles, createMlServer } from './ml-server.js';
export {
  type ForecastAnswer,
  type ForecastRequest,
  type MetricsSample,
  PREDICT_DATA_SLOTS,
  type PredictAnswer,
  type PredictDataAnswer,
  type PredictDataQuery,
  type TrafficRecord,
  forecastRequestSchema,
  metricsSampleSchema,
  predictDataBodySchema,
  predictDataQuerySchema,
} from './payloads.js';
export { type ErrorBody, RequestError } from './request-error.js';
export { type LoadTestOptions, type LoadTestReport, type TimeStats, runLoadTest, timeStats } from './load-test.js';
export { forecastFromRecords } from './forecast-records.js';
