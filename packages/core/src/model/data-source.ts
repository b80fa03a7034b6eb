/** A traffic source: burst/packet means of a request's random flow (model-spec §1.3 `data_source`, §5.2.1). */
export interface DataSource {
  /** Dense 0-based id; equals the position in `EdgeEnvironment.dataSources`. */
  readonly index: number;
  /** `src_{i}`. */
  readonly name: string;
  /** Mean packet size (each packet's size is Poisson with this mean). */
  readonly packetSize: number;
  /** Mean gap (ms) after each packet of a burst. */
  readonly packetInterval: number;
  /** Mean number of packets per burst. */
  readonly packetsBurstSize: number;
  /** Mean gap (ms) before each burst. */
  readonly packetsBurstInterval: number;
}
