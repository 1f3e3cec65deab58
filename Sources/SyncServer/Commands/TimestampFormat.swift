import SyncModel

/// Formats timestamps in command output.
enum TimestampFormat {
    /// ISO 8601 in UTC, or `-` for nil.
    static func text(_ timestamp: Timestamp?) -> String {
        timestamp.map(\.description) ?? "-"
    }
}
