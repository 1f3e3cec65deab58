import Foundation

/// How numbers, dates and times read in one language: `25.11.2026`, `14:05` and `7,5` in German,
/// `2026-11-25`, `14:05` and `7.5` in English; times in the given (local) time zone.
public struct DisplayFormat: Sendable {
    /// The language.
    public let language: Language
    /// The time zone times are shown in.
    public let timeZone: TimeZone

    /// Creates a format for `language` showing times in `timeZone`.
    public init(language: Language, timeZone: TimeZone) {
        self.language = language
        self.timeZone = timeZone
    }

    /// A decimal number: whole numbers without decimals, others with at most `digits` decimals,
    /// and a comma in German.
    public func decimal(_ number: Double, digits: Int = 2) -> String {
        var text: String
        if number == number.rounded(), abs(number) < 1e15 {
            text = String(Int64(number))
        } else {
            text = String(format: "%.\(digits)f", number)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return language == .german ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A calendar date given as `YYYY-MM-DD`: `25.11.2026` in German, unchanged in English;
    /// any other text is returned as it is.
    public func date(iso text: String) -> String {
        guard language == .german, let date = CalendarDate(iso: text) else { return text }
        return Self.pad(date.day) + "." + Self.pad(date.month) + "." + String(date.year)
    }

    /// A point in time as date and minutes in the local time zone: `25.11.2026 14:05` or `2026-11-25 14:05`.
    public func dateTime(_ timestamp: Timestamp) -> String {
        let parts = components(timestamp)
        return day(parts) + " " + Self.pad(parts.hour ?? 0) + ":" + Self.pad(parts.minute ?? 0)
    }

    /// The calendar day of a point in time in the local time zone, `days` later (or earlier), as `YYYY-MM-DD`.
    public func isoDay(_ timestamp: Timestamp, addingDays days: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = calendar.date(byAdding: .day, value: days, to: timestamp.date) ?? timestamp.date
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(parts.year ?? 0) + "-" + Self.pad(parts.month ?? 0) + "-" + Self.pad(parts.day ?? 0)
    }

    private func day(_ parts: DateComponents) -> String {
        let year = String(parts.year ?? 0)
        let month = Self.pad(parts.month ?? 0)
        let day = Self.pad(parts.day ?? 0)
        return language == .german ? day + "." + month + "." + year : year + "-" + month + "-" + day
    }

    private func components(_ timestamp: Timestamp) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = Date(timeIntervalSince1970: Double(timestamp.millisecondsSince1970) / 1000)
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}
