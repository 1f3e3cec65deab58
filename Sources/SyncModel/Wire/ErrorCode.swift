/// The stable error codes of the protocol.
public enum ErrorCode: String, Codable, Hashable, Sendable, CaseIterable {
    /// The body is not JSON of the expected shape.
    case invalidJSON
    /// A query parameter or path part is malformed.
    case invalidParameter
    /// The protocol version header is missing or names a version this server does not speak.
    case unsupportedProtocol
    /// The body's `Content-Encoding` is not supported, or the body is not valid data of that encoding.
    case invalidEncoding
    /// The body is larger than the server accepts.
    case payloadTooLarge
    /// The push holds more records than allowed.
    case tooManyRecords
    /// A record state is structurally invalid.
    case invalidRecord
    /// A record names a survey or version the cohort does not have.
    case unknownSurvey
    /// A response fails its survey's validation.
    case validationFailed
    /// A record tries to change its id, cohort, collection, survey or owner.
    case identityChanged
    /// A record carries new writes under another device's replica id.
    case foreignReplica
    /// A survey definition that cannot be published: unreadable or inconsistent.
    case invalidSurvey
    /// A collection that does not exist.
    case unknownCollection
    /// No token, or a wrong or revoked one.
    case unauthorized
    /// The token is valid, but the caller may not do this.
    case forbidden
    /// The thing asked for does not exist.
    case notFound
    /// The enrollment code is unknown, used or expired.
    case invalidCode
    /// Too many failed attempts from this address; retry after `Retry-After` seconds.
    case rateLimited
    /// The thing to create exists already.
    case conflict
    /// The server cannot write right now (full disk, read-only database); retry later.
    case storageUnavailable
    /// An unexpected server error.
    case internalError
}
