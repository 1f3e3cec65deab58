import Foundation

/// How a store keeps record states and the device token: plain, sealed under the store key, or
/// encrypted but not unlocked (every read or write of a secret fails with `StoreLockedError`).
enum StateSealing: Sendable {
    /// A store made with `join --no-encryption` (or before encryption existed).
    case plain
    /// An unlocked encrypted store.
    case sealed(StoreCipher)
    /// An encrypted store whose key this process does not have.
    case locked
}

/// An encrypted store was used without its key.
struct StoreLockedError: Error, Sendable {}

/// A sealed value in the store cannot be opened: it was altered or moved to another row.
struct DamagedRecordError: Error, Sendable, Equatable {
    /// The record's id (lowercase UUID), or "device" for the device token.
    var id: String
}
