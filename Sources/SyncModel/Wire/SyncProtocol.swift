/// Constants of the HTTP sync protocol shared by server and client.
public enum SyncProtocol {
    /// The protocol version this build speaks.
    public static let version = 1
    /// The request header that carries the protocol version on every request.
    public static let versionHeader = "QuartierSync-Protocol"
    /// The largest number of records in one push.
    public static let maximumPushRecords = 1_000
    /// The default number of records in one page of changes.
    public static let defaultPageSize = 500
    /// The largest number of records in one page of changes.
    public static let maximumPageSize = 2_000
    /// The largest request body, in bytes.
    public static let maximumBodyBytes = 8 * 1024 * 1024
}
