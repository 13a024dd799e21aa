// Placeholder: the engine-adapter boundary rules (no dockerode or `.docker` outside server/docker)
// live here; the adapter work replaces this empty list.
export default [];
