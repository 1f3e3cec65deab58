import Foundation
import PropertyBased
import SyncModel
import Testing

/// Dates as answers and command-line options are read: `YYYY-MM-DD` or `DD.MM.YYYY`, real dates only.
@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(
        "texts that are no date are refused",
        arguments: [
            "", "2026-1-05", "2026-01-5", "26-01-05", "02026-01-05", "2026/01/05", " 2026-01-05x",
            "+026-01-05", "2026-+1-05", "2026-01--5", "２０２６-01-05", "2026-0١-05", "2026-02-29", "2026-13-01",
            "2026-00-10", "2026-04-31", "0000-01-01", "2026-01-00", "abcd-ef-gh", "2026-01-05\u{0301}",
        ])
    func refusesNonDates(_ text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test(
        "ISO and German dates are read",
        arguments: [
            ("2026-11-25", 2026, 11, 25), ("2024-02-29", 2024, 2, 29), ("0001-01-01", 1, 1, 1),
            ("9999-12-31", 9999, 12, 31), ("25.11.2026", 2026, 11, 25), ("1.2.2026", 2026, 2, 1),
            (" 2026-11-25 ", 2026, 11, 25),
        ])
    func readsDates(_ text: String, _ year: Int, _ month: Int, _ day: Int) {
        let date = CalendarDate(parsing: text)
        #expect(date?.year == year && date?.month == month && date?.day == day)
    }

    /// Foundation's calendar is Julian before October 1582, so the oracle starts in 1600.
    @Test("a YYYY-MM-DD text is a date exactly when the Gregorian calendar has that day")
    func isoAgreesWithTheCalendar() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        await propertyCheck(
            count: 2_000, input: Gen.int(in: 1600...9999), Gen.int(in: 0...13), Gen.int(in: 0...32)
        ) { year, month, day in
            let text = String(format: "%04d-%02d-%02d", year, month, day)
            let components = DateComponents(year: year, month: month, day: day)
            let real =
                (1...12).contains(month) && day >= 1
                && calendar.date(from: components).map { calendar.dateComponents([.year, .month, .day], from: $0) }
                    .map { $0.year == year && $0.month == month && $0.day == day } == true
            let parsed = CalendarDate(parsing: text)
            #expect((parsed != nil) == real, "\(text)")
            if let parsed { #expect(parsed.year == year && parsed.month == month && parsed.day == day) }
        }
    }
}
