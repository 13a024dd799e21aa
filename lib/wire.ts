/**
 * Wire types: the JSON shapes that cross HTTP and socket.io. Readonly, dates as ISO strings.
 * View models (what a component renders) are derived from these in the components, never sent.
 */

export type Role = "viewer" | "operator" | "admin";

/**
 * What a user or API token may see: engines by id, and containers whose labels match at least one
 * selector (`key=value`, or `key` for presence). Missing or empty parts limit nothing.
 */
export interface AccessScope {
  readonly engines?: readonly string[];
  readonly labels?: readonly string[];
}

export interface AuthUser {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  /** Present only when the principal is limited; absent means unscoped. */
  readonly scope?: AccessScope;
}

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

export interface EngineSummary {
  readonly id: string;
  readonly name: string;
  readonly host: string;
  readonly reachable: boolean;
  readonly version?: string;
  readonly apiVersion?: string;
  /** Last connection error while unreachable; never a host path or stack. */
  readonly error?: string;
}

export interface HealthReport {
  readonly status: "ok" | "degraded";
  readonly engines: readonly { id: string; reachable: boolean; version?: string }[];
}

export type ContainerState = "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead";

export type HealthStatus = "healthy" | "unhealthy" | "starting" | "none";

export interface PortBinding {
  readonly privatePort: number;
  readonly publicPort?: number;
  readonly ip?: string;
  readonly type: "tcp" | "udp" | "sctp";
}

export interface ContainerSummary {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: ContainerState;
  /** Docker's own status text, e.g. "Up 3 minutes (healthy)", "Exited (1) 2 hours ago". */
  readonly status: string;
  readonly health: HealthStatus;
  readonly createdAt: string;
  readonly ports: readonly PortBinding[];
  readonly labels: Readonly<Record<string, string>>;
  /** `com.docker.compose.project`, when the container belongs to a compose project. */
  readonly project?: string;
  readonly service?: string;
}

export interface EnvEntry {
  readonly key: string;
  /** null when the value is masked (a secret-looking key and the caller did not reveal it). */
  readonly value: string | null;
  readonly secret: boolean;
}

export interface MountInfo {
  readonly type: string;
  readonly source: string;
  readonly destination: string;
  readonly mode: string;
  readonly readWrite: boolean;
  readonly name?: string;
}

export interface NetworkAttachment {
  readonly name: string;
  readonly ipAddress?: string;
  readonly ipv6Address?: string;
  readonly gateway?: string;
  readonly macAddress?: string;
  readonly aliases: readonly string[];
}

export interface HealthCheckResult {
  readonly start: string;
  readonly end: string;
  readonly exitCode: number;
  readonly output: string;
}

export interface ContainerDetail extends ContainerSummary {
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly exitCode: number;
  readonly oomKilled: boolean;
  readonly error?: string;
  readonly pid: number;
  readonly imageId: string;
  readonly command: readonly string[];
  readonly entrypoint: readonly string[];
  readonly workingDir: string;
  readonly user: string;
  readonly tty: boolean;
  readonly hostname: string;
  readonly env: readonly EnvEntry[];
  readonly healthcheck?: {
    readonly test: readonly string[];
    readonly failingStreak: number;
    readonly log: readonly HealthCheckResult[];
  };
  readonly mounts: readonly MountInfo[];
  readonly networks: readonly NetworkAttachment[];
  readonly restartPolicy: { readonly name: string; readonly maximumRetryCount: number };
  readonly restartCount: number;
  readonly limits: {
    readonly memoryBytes: number;
    readonly memorySwapBytes: number;
    readonly nanoCpus: number;
    readonly cpuShares: number;
    readonly pidsLimit: number | null;
  };
  /** True when at least one secret value was masked in this response. */
  readonly secretsMasked: boolean;
  /** Docker's inspect document, with the same secret values masked. */
  readonly raw: unknown;
}

export const CONTAINER_ACTIONS = ["start", "stop", "restart", "pause", "unpause", "kill"] as const;
export type ContainerAction = (typeof CONTAINER_ACTIONS)[number];

export interface ActionResult {
  /** The container reference as the caller gave it (id, id prefix or name). */
  readonly id: string;
  readonly action: ContainerAction | "remove";
  /** False when Docker answered 304: the container was already in the asked state. */
  readonly changed: boolean;
}

export interface UserSummary {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  readonly createdAt: string;
  /** Absent when the user is unscoped. */
  readonly scope?: AccessScope;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly username: string | null;
  readonly action: string;
  readonly target: string;
  readonly outcome: "ok" | "error" | "denied";
  readonly detail?: string;
  readonly ip?: string;
}

export interface ApiTokenSummary {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly prefix: string;
  /** Absent when the token is unscoped. */
  readonly scope?: AccessScope;
}

/** One stats sample as the docker CLI would compute it; network and block I/O are cumulative bytes. */
export interface StatsSample {
  /** Full container id. */
  readonly container: string;
  /** ISO time of Docker's reading (or the bucket start in history series). */
  readonly ts: string;
  readonly cpuPercent: number;
  readonly memUsage: number;
  readonly memLimit: number;
  readonly netRx: number;
  readonly netTx: number;
  readonly blkRead: number;
  readonly blkWrite: number;
  readonly pids: number;
}

export type StatsRange = "15m" | "1h" | "6h" | "24h" | "7d";

export interface StatsSeries {
  readonly container: string;
  readonly name: string;
  readonly range: StatsRange;
  /** Seconds between points. */
  readonly resolution: number;
  /** Set when the container no longer exists: the history outlives it. */
  readonly removedAt?: string;
  readonly samples: readonly StatsSample[];
}

/** A container that is gone from its engine but whose stats history Berth still keeps. */
export interface RemovedContainer {
  /** Full container id (names can be reused by a new container; the id cannot). */
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly project?: string;
  /** When Berth saw it go: Docker's destroy event, or the first engine listing without it. */
  readonly removedAt: string;
  /** Start of the newest stored point: roughly when it last ran. */
  readonly lastSampleAt: string;
}

export interface RemovedContainerList {
  /** How many removed containers with history match, beyond the returned page too. */
  readonly total: number;
  /** Most recently removed first. */
  readonly containers: readonly RemovedContainer[];
}

/* ---- Images, networks, volumes, system ------------------------------------------------- */

export interface ImageSummary {
  /** `sha256:…` */
  readonly id: string;
  /** Every `repository:tag` of this image (one row per image, all its tags together). */
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  readonly size: number;
  readonly createdAt: string;
  /** Containers (any state) created from this image. */
  readonly containers: number;
  /** No tag: left behind by a re-tag or a build. */
  readonly dangling: boolean;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageHistoryEntry {
  /** Layer image id, or "<missing>" for layers built elsewhere. */
  readonly id: string;
  readonly createdAt: string;
  /** The Dockerfile instruction that made the layer. */
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
  readonly tags: readonly string[];
}

export interface ImageDetail extends ImageSummary {
  readonly architecture: string;
  readonly os: string;
  readonly author: string;
  readonly parent: string;
  readonly config: {
    readonly entrypoint: readonly string[];
    readonly cmd: readonly string[];
    readonly env: readonly EnvEntry[];
    readonly exposedPorts: readonly string[];
    readonly user: string;
    readonly workingDir: string;
    readonly volumes: readonly string[];
    readonly stopSignal?: string;
  };
  readonly layers: number;
  /** Containers using this image (id and name). */
  readonly usedBy: readonly { id: string; name: string; state: ContainerState }[];
}

export interface NetworkSubnet {
  readonly subnet: string;
  readonly gateway?: string;
  readonly ipRange?: string;
}

export interface NetworkSummary {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly scope: string;
  readonly subnets: readonly NetworkSubnet[];
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly ipv6: boolean;
  readonly containerCount: number;
  readonly createdAt: string;
  readonly labels: Readonly<Record<string, string>>;
  /** bridge, host, none: Docker's own networks, which cannot be removed. */
  readonly predefined: boolean;
}

export interface NetworkEndpoint {
  readonly id: string;
  readonly name: string;
  readonly ipv4?: string;
  readonly ipv6?: string;
  readonly mac?: string;
}

export interface NetworkDetail extends NetworkSummary {
  readonly ipamDriver: string;
  readonly ipamOptions: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  readonly containers: readonly NetworkEndpoint[];
}

export interface VolumeSummary {
  readonly name: string;
  readonly driver: string;
  readonly mountpoint: string;
  readonly scope: string;
  readonly createdAt?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  /** Bytes from `system df` (cached, may lag a little); null when Docker does not know. */
  readonly size: number | null;
  /** When that `system df` was measured (ISO); absent when sizes could not be read. Writes through Berth re-measure. */
  readonly sizeMeasuredAt?: string;
  readonly usedBy: readonly { id: string; name: string }[];
  /** Not used by any container. */
  readonly dangling: boolean;
}

export interface VolumeEntry {
  readonly name: string;
  readonly type: "file" | "dir" | "symlink" | "other";
  readonly size: number;
  readonly mode: string;
  readonly modifiedAt?: string;
  readonly linkTarget?: string;
}

export interface VolumeListing {
  readonly volume: string;
  readonly path: string;
  readonly entries: readonly VolumeEntry[];
  /** True when the directory had more entries than were returned. */
  readonly truncated: boolean;
}

export interface PruneItem {
  readonly id: string;
  readonly name: string;
  readonly bytes: number;
}

export interface PrunePart {
  readonly count: number;
  readonly bytes: number;
  readonly items: readonly PruneItem[];
}

export type PruneKind = "containers" | "images" | "networks" | "volumes" | "buildCache";

/** What a prune would remove, computed from `system df`; sizes are what Docker would reclaim at least. */
export type PrunePreview = Readonly<Record<PruneKind, PrunePart>> & { readonly totalBytes: number };

export interface PruneResult {
  readonly removed: readonly string[];
  readonly spaceReclaimed: number;
}

export interface DiskUsageRow {
  readonly kind: "images" | "containers" | "volumes" | "buildCache";
  readonly count: number;
  readonly active: number;
  readonly size: number;
  readonly reclaimable: number;
}

export interface DiskUsage {
  readonly rows: readonly DiskUsageRow[];
  readonly totalSize: number;
  readonly totalReclaimable: number;
}

export interface SystemInfo {
  readonly name: string;
  readonly serverVersion: string;
  readonly apiVersion: string;
  readonly goVersion: string;
  readonly os: string;
  readonly osType: string;
  readonly kernel: string;
  readonly architecture: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly storageDriver: string;
  readonly storageDetails: readonly (readonly [string, string])[];
  readonly cgroupVersion: string;
  readonly cgroupDriver: string;
  readonly loggingDriver: string;
  readonly runtimes: readonly string[];
  readonly defaultRuntime: string;
  readonly dockerRootDir: string;
  readonly swarm: { readonly state: string; readonly manager: boolean };
  readonly containers: { readonly total: number; readonly running: number; readonly paused: number; readonly stopped: number };
  readonly images: number;
  readonly warnings: readonly string[];
}

export interface RegistryCredentialSummary {
  readonly id: number;
  /** Registry host as used in image references, e.g. `registry.example.com:5000` or `docker.io`. */
  readonly serverAddress: string;
  readonly username: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DockerEventWire {
  /** Unique within a feed: timeNano plus a sequence. */
  readonly key: string;
  readonly time: string;
  readonly type: string;
  readonly action: string;
  readonly id: string;
  /** Actor name when Docker gives one (container or volume name, image reference…). */
  readonly name?: string;
  readonly attributes: Readonly<Record<string, string>>;
}
