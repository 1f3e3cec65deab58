import SyncModel

/// What `erase` prints with `--json`.
struct ErasureView: Encodable, Sendable {
    /// The record id.
    var id: String
    /// The erasure: who, when, why.
    var erasure: Erasure?
}
