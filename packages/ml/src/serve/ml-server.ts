import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { type ModelLoader, ModelSlot, type ModelSlotStatus, type ServableModel } from './model-slot.js';
import {
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
import { type ErrorBody, RequestError } from './request-error.js';

/** Model files by role. Each is optional: an endpoint whose model is missing answers 503. */
export interface ServedModelFiles {
  /** Failure classifier for `POST /predict` (features named after the seed's metrics). */
  readonly failure?: string;
  /** Forecaster for `POST /forecast`. */
  readonly forecaster?: string;
  /** Classifier for `POST /api/ml_predict_data?typ=0`. */
  readonly classifier?: string;
  /** Regressor for `typ=1`. */
  readonly regressor?: string;
  /** k-means model for `typ=2`. */
  readonly kmeans?: string;
}

/** What a forecaster computes from recent records (supplied by the caller: see {@link MlServerOptions.forecast}). */
export interface ForecastResult {
  readonly target: string;
  readonly values: number[];
  readonly timestamps: number[];
}

/** Options of {@link createMlServer}. */
export interface MlServerOptions {
  readonly models: ServedModelFiles;
  /** Reads a model file (e.g. `loadModel` of `@nss/ml`). */
  readonly loadModel: ModelLoader;
  /**
   * Forecasts `horizon` steps from recent records with a forecaster model (e.g. `forecastFromRecords`
   * of `@nss/ml`). Without it `POST /forecast` answers 501.
   */
  readonly forecast?: (model: ServableModel, records: readonly TrafficRecord[], horizon: number) => ForecastResult;
  /** Reload models when their files are replaced (default true). */
  readonly watch?: boolean;
  /** Largest request body in bytes (default 64 MiB: 63·2^10 rows of 64 numbers fit). */
  readonly bodyLimit?: number;
}

/** A running (or ready to listen) model server. */
export interface MlServer {
  /** The fastify instance (use `inject` in tests). */
  readonly app: FastifyInstance;
  /** The model slots by role. */
  readonly slots: ReadonlyMap<string, ModelSlot>;
  /** Listens on `host` (default 127.0.0.1) and `port` (default 0: any free port); resolves to the URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops listening and watching. */
  close(): Promise<void>;
}

const MEANINGS = ['normal', 'failure'] as const;

/**
 * Builds the model server of @nss/ml: the seed's endpoints made honest (seed-systems §1.1, §2.7):
 *
 * - `POST /predict` — `{rx_packets, tx_packets, packet_drops, latency}` → `{prediction, meaning}`;
 * - `POST /forecast` — `{records: [...], horizon?}` → `{target, forecast, timestamps, prediction_time_ms}`;
 * - `POST /api/ml_predict_data?N=&typ=0|1|2` — rows (JSON `rows`, or the seed's flat `upfile` list, in
 *   JSON or form-encoded) → `{predictions, elements, prediction_time_ms}`;
 * - `GET /models` — what is loaded, when, and the last reload error; `GET /health`.
 *
 * Every model file is loaded before the server answers (a missing or corrupt file is an error now,
 * not at the first request); later replacements are reloaded without restart.
 */
export async function createMlServer(options: MlServerOptions): Promise<MlServer> {
  const slots = new Map<string, ModelSlot>();
  for (const [role, path] of Object.entries(options.models)) {
    if (path === undefined) continue;
    const slot = new ModelSlot(role, path, options.loadModel);
    await slot.load();
    if (options.watch !== false) slot.watch();
    slots.set(role, slot);
  }

  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? 64 * 1024 * 1024,
    // Unknown fields are refused (fastify's default strips them silently, hiding a client's typo).
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const form = new URLSearchParams(body as string);
    const upfile: number[] = [];
    for (const [key, value] of form) {
      if (key !== 'upfile') {
        done(new RequestError(400, `form field "${key}" is not accepted: send the numbers as repeated "upfile" fields`), undefined);
        return;
      }
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) {
        done(new RequestError(400, `upfile value #${upfile.length + 1} ("${value}") is not a finite number`), undefined);
        return;
      }
      upfile.push(number);
    }
    done(null, { upfile });
  });

  app.setErrorHandler((error: FastifyError | RequestError, _request, reply) => {
    const statusCode = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const body: ErrorBody = {
      statusCode,
      error: statusCode === 400 ? 'Bad Request' : statusCode === 503 ? 'Service Unavailable' : statusCode >= 500 ? 'Internal Server Error' : 'Error',
      message: statusCode >= 500 && !(error instanceof RequestError) ? `the model failed: ${error.message}` : error.message,
    };
    void reply.status(statusCode).send(body);
  });

  const model = (role: string, flag: string): ServableModel => {
    const current = slots.get(role)?.current() ?? null;
    if (current === null) throw new RequestError(503, `no ${role} model is loaded: start the server with ${flag} <model.json>`);
    return current;
  };

  app.get('/', async () => ({
    service: '@nss/ml model server',
    endpoints: ['POST /predict', 'POST /forecast', 'POST /api/ml_predict_data?N=&typ=0|1|2', 'GET /models', 'GET /health'],
  }));
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/models', async (): Promise<ModelSlotStatus[]> => [...slots.values()].map((s) => s.status()));

  app.post<{ Body: MetricsSample }>('/predict', { schema: { body: metricsSampleSchema } }, async (request): Promise<PredictAnswer> => {
    const classifier = model('failure', '--failure');
    const row = classifier.featureNames.map((name) => {
      const value = (request.body as unknown as Record<string, number>)[name];
      if (value === undefined) {
        throw new RequestError(409, `the failure model needs feature "${name}", which /predict does not carry (it takes rx_packets, tx_packets, packet_drops, latency): train it on those columns`);
      }
      return value;
    });
    const [prediction] = classifier.predict([row]);
    const label = prediction === 1 ? 1 : 0;
    return { prediction: label, meaning: MEANINGS[label] };
  });

  app.post<{ Body: ForecastRequest }>('/forecast', { schema: { body: forecastRequestSchema } }, async (request): Promise<ForecastAnswer> => {
    const forecaster = model('forecaster', '--forecaster');
    if (options.forecast === undefined) throw new RequestError(501, 'this server was started without a forecasting function');
    const started = performance.now();
    let result: ForecastResult;
    try {
      result = options.forecast(forecaster, request.body.records, request.body.horizon ?? 1);
    } catch (error) {
      // The records do not suit the model (too few for its lags, timestamps out of order, ...): the client's fault.
      throw new RequestError(400, error instanceof Error ? error.message : String(error));
    }
    const elapsed = performance.now() - started;
    return { target: result.target, forecast: result.values, timestamps: result.timestamps, prediction_time_ms: elapsed };
  });

  app.post<{ Querystring: PredictDataQuery; Body: { rows?: number[][]; upfile?: number[] } }>(
    '/api/ml_predict_data',
    { schema: { querystring: predictDataQuerySchema, body: predictDataBodySchema } },
    async (request): Promise<PredictDataAnswer> => {
      const { N } = request.query;
      const typ = request.query.typ ?? 0;
      const role = PREDICT_DATA_SLOTS[typ];
      const served = model(role, `--${role}`);
      const width = served.featureNames.length;
      const rows = request.body.rows ?? reshape(request.body.upfile ?? [], N, width);
      if (rows.length !== N) throw new RequestError(400, `N=${N} but the body has ${rows.length} rows: N must equal the number of rows sent`);
      rows.forEach((row, i) => {
        if (row.length !== width) {
          throw new RequestError(400, `row ${i} has ${row.length} values but the ${role} model expects ${width} features (${served.featureNames.slice(0, 4).join(', ')}${width > 4 ? ', ...' : ''})`);
        }
      });
      const started = performance.now();
      const predictions = served.predict(rows);
      const elapsed = performance.now() - started;
      return { predictions, elements: rows.length, prediction_time_ms: elapsed };
    },
  );

  return {
    app,
    slots,
    async listen(port = 0, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    async close() {
      for (const slot of slots.values()) slot.close();
      await app.close();
    },
  };
}

/** The seed's flat `upfile` list reshaped row-major to `n` rows of `width` values. */
function reshape(values: readonly number[], n: number, width: number): number[][] {
  if (values.length !== n * width) {
    throw new RequestError(400, `upfile has ${values.length} values, but N=${n} rows of ${width} features need ${n * width}`);
  }
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(values.slice(i * width, (i + 1) * width));
  return rows;
}
