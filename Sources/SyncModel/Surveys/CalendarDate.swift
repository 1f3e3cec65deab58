import Foundation

/// A proleptic Gregorian calendar date, checked without Foundation's calendars (pure and locale-free).
public struct CalendarDate: Hashable, Sendable {
    /// The year.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// Parses a date given on a command line: `YYYY-MM-DD` or the German `DD.MM.YYYY`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = CalendarDate(iso: trimmed) ?? CalendarDate(german: trimmed) { self = date } else { return nil }
    }

    /// The first millisecond of this day in `timeZone`.
    public func start(in timeZone: TimeZone) -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
        return Timestamp(date)
    }

    /// Parses a real date written `YYYY-MM-DD` (ASCII digits only), reading the UTF-8 bytes:
    /// every date answer of every pushed response passes here.
    init?(iso text: String) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate(isoBytes: $0) }) else { return nil }
        self = date
    }

    /// ``init(iso:)`` over the text's UTF-8 bytes.
    private init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ positions: Range<Int>) -> Int? {
            var value = 0
            for position in positions {
                let digit = bytes[position] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// Parses a real date written the German way, `DD.MM.YYYY` (also `D.M.YYYY`).
    init?(german text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4
        else { return nil }
        self.init(year: parts[2], month: parts[1], day: parts[0])
    }

    private init?(year: Substring, month: Substring, day: Substring) {
        guard [year, month, day].allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(year), let month = Int(month), let day = Int(day)
        else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// The date, when it is real: year 1 or later, a month of the year and a day of the month.
    private init?(checkedYear year: Int, month: Int, day: Int) {
        guard year >= 1, (1...12).contains(month), (1...CalendarDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date as `YYYY-MM-DD`.
    var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: Swift.max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
