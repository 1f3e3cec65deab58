import SyncModel

extension ReplicaID {
    /// Makes an id from 16 bytes, big-endian; extra bytes are ignored.
    init(bytes: [UInt8]) {
        precondition(bytes.count >= 16, "A replica id needs 16 bytes.")
        let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        self.init(high: high, low: low)
    }
}
