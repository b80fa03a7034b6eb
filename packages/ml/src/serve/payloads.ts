/**
 * JSON Schemas of the server's request bodies and query strings (fastify validates them with ajv and
 * answers 400 with the reason), and the types they describe.
 */

/** `POST /predict`: one sample of the telco seed's metrics (seed-systems §2.7). */
export interface MetricsSample {
  readonly rx_packets: number;
  readonly tx_packets: number;
  readonly packet_drops: number;
  readonly latency: number;
}

/** `POST /predict` answer. */
export interface PredictAnswer {
  readonly prediction: 0 | 1;
  readonly meaning: 'normal' | 'failure';
}

const finite = { type: 'number' } as const;

/** Schema of {@link MetricsSample}. */
export const metricsSampleSchema = {
  type: 'object',
  required: ['rx_packets', 'tx_packets', 'packet_drops', 'latency'],
  additionalProperties: false,
  properties: {
    rx_packets: { ...finite, minimum: 0 },
    tx_packets: { ...finite, minimum: 0 },
    packet_drops: { ...finite, minimum: 0 },
    latency: { ...finite, minimum: 0 },
  },
} as const;

/** One record of the telco schema as `POST /forecast` takes it (label optional). */
export interface TrafficRecord {
  /** Seconds since the epoch, or an ISO 8601 date-time. */
  readonly timestamp: number | string;
  readonly rx_packets: number;
  readonly tx_packets: number;
  readonly packet_drops: number;
  readonly latency: number;
}

/** `POST /forecast`: the most recent records, oldest first, and how many steps to forecast. */
export interface ForecastRequest {
  readonly records: readonly TrafficRecord[];
  readonly horizon?: number;
}

/** `POST /forecast` answer. */
export interface ForecastAnswer {
  /** The target the model forecasts (e.g. `rx_packets`). */
  readonly target: string;
  /** One value per step ahead, 1..horizon. */
  readonly forecast: number[];
  /** Timestamps (s) the values are for. */
  readonly timestamps: number[];
  readonly prediction_time_ms: number;
}

/** Schema of {@link ForecastRequest}. */
export const forecastRequestSchema = {
  type: 'object',
  required: ['records'],
  additionalProperties: false,
  properties: {
    records: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['timestamp', 'rx_packets', 'tx_packets', 'packet_drops', 'latency'],
        properties: {
          timestamp: { anyOf: [{ type: 'number' }, { type: 'string', minLength: 1 }] },
          rx_packets: finite,
          tx_packets: finite,
          packet_drops: finite,
          latency: finite,
          label: { type: 'string' },
        },
      },
    },
    horizon: { type: 'integer', minimum: 1, maximum: 86_400 },
  },
} as const;

/** Query string of `POST /api/ml_predict_data` (seed-systems §1.1). */
export interface PredictDataQuery {
  /** Rows sent: must equal the number of rows of the body. */
  readonly N: number;
  /** 0 classifier (default), 1 regressor, 2 clustering. */
  readonly typ?: 0 | 1 | 2;
}

/** Schema of {@link PredictDataQuery}. */
export const predictDataQuerySchema = {
  type: 'object',
  required: ['N'],
  properties: {
    N: { type: 'integer', minimum: 1 },
    typ: { type: 'integer', enum: [0, 1, 2], default: 0 },
  },
} as const;

/**
 * Body of `POST /api/ml_predict_data`: `{"rows": [[...], ...]}`, or the seed's flat `upfile` list
 * (`{"upfile": [...]}` in JSON, or `upfile=v&upfile=v...` form-encoded) reshaped row-major to N rows.
 */
export const predictDataBodySchema = {
  type: 'object',
  oneOf: [{ required: ['rows'] }, { required: ['upfile'] }],
  additionalProperties: false,
  properties: {
    rows: { type: 'array', minItems: 1, items: { type: 'array', minItems: 1, items: { type: 'number' } } },
    upfile: { type: 'array', minItems: 1, items: { type: 'number' } },
  },
} as const;

/** `POST /api/ml_predict_data` answer. */
export interface PredictDataAnswer {
  readonly predictions: number[];
  /** Rows predicted (= N). */
  readonly elements: number;
  /** Wall-clock time of the model's predict call alone (ms), as the seed measured it. */
  readonly prediction_time_ms: number;
}

/** The model slot each `typ` of `/api/ml_predict_data` uses. */
export const PREDICT_DATA_SLOTS = ['classifier', 'regressor', 'kmeans'] as const;
