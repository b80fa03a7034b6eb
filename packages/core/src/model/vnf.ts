import type { VnfInstanceInfo } from './vnf-instance.js';

/** A VNF type (model-spec §1.3 `vnf`, §2.2). Instances of it are VNF instances ({@link VnfInstanceInfo}). */
export interface Vnf {
  /** Dense 0-based id; equals the position in `EdgeEnvironment.vnfs`. */
  readonly index: number;
  /** `v_{i}`. */
  readonly name: string;
  /** CPU given to a new instance (instructions/s); also the floor for scaling down. */
  readonly cpu: number;
  /** Memory given to a new instance; also the floor for scaling down. */
  readonly mem: number;
  /** Max SFC instances mapped to one instance, and parallel processing slots per instance. */
  readonly maxShare: number;
  /** Bandwidth booked on the outgoing link per active SFC instance (model-spec §4.3). */
  readonly minBandwidth: number;
  /** Memory per instruction of a packet. */
  readonly packetMemDemand: number;
  /** ms added by a remote data access. */
  readonly remoteDataAccessCost: number;
  /** Remote-access parameter p (probability 1 - e^-p in the reference, [Q-12]). */
  readonly remoteDataAccessProb: number;
  /** Instructions per unit of packet size. */
  readonly packetCpuDemand: number;
  /** Output size per unit of packet size (the size sent on the next link). */
  readonly packetNetworkDemand: number;
  /** Instructions to boot an instance. */
  readonly startupIpt: number;
  /** Instructions to shut an instance down. */
  readonly shutdownIpt: number;
  /** ms an instance survives with no SFC instance mapped. */
  readonly timeout: number;
  /** Max packets admitted but not yet started; -1 = unlimited. */
  readonly maxPacketQueue: number;
  /** Informational label (`CPU`, `Memory`, `Network`). */
  readonly resourceIntensive: string;
}
