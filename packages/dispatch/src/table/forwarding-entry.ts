/** One row of a forwarding table: where requests for a key (lambda or VNF) may go, and at what cost. */
export interface ForwardingEntry {
  /** Destination: an endpoint (`host:port`, an OpenWhisk API root) or a simulated computer / VNF instance name. */
  readonly destination: string;
  /** Estimated response delay (lower is better, > 0). */
  readonly weight: number;
  /** Whether the destination executes the request itself (a computer) rather than forwarding it (a router). */
  readonly final: boolean;
}
