/// Storage failures that callers handle; everything else is an unexpected error.
enum StoreError: Error, Equatable, Sendable {
    /// The thing to create exists already; the message says what.
    case conflict(String)
    /// The enrollment code is unknown, used or expired.
    case invalidCode
    /// The dashboard login link is unknown, used or expired.
    case invalidLink
    /// A referenced thing does not exist; the message says what.
    case notFound(String)
    /// The database cannot be written now (full disk, read-only file, I/O error).
    case unavailable(String)
}
