import Foundation
import SyncModel

/// Formats timestamps in command output.
enum TimestampFormat {
    /// ISO 8601 in UTC in English, `25.11.2026 14:05` (local time) in German, or `-` for nil.
    static func text(_ timestamp: Timestamp?) -> String {
        guard let timestamp else { return "-" }
        guard AdminTexts.language == .german else { return timestamp.description }
        return DisplayFormat(language: .german, timeZone: .current).dateTime(timestamp)
    }
}
