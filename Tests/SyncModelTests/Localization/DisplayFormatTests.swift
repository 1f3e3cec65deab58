import Foundation
import SyncModel
import Testing

@Suite("DisplayFormat: German dates, times and decimals, in the local time zone")
struct DisplayFormatTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// 2026-11-25 13:05:00 UTC, 14:05 in Berlin.
    static let moment = Timestamp(millisecondsSince1970: 1_795_611_900_000)

    @Test("Times read 25.11.2026 14:05 in German and 2026-11-25 14:05 in English, in the given time zone")
    func dateTime() {
        #expect(DisplayFormat(language: .german, timeZone: Self.berlin).dateTime(Self.moment) == "25.11.2026 14:05")
        #expect(DisplayFormat(language: .english, timeZone: Self.berlin).dateTime(Self.moment) == "2026-11-25 14:05")
        #expect(DisplayFormat(language: .german, timeZone: TimeZone(identifier: "UTC")!).dateTime(Self.moment) == "25.11.2026 13:05")
    }

    @Test("Answered dates read 25.11.2026 in German; other text stays as it is")
    func dates() {
        let german = DisplayFormat(language: .german, timeZone: Self.berlin)
        #expect(german.date(iso: "2026-11-25") == "25.11.2026")
        #expect(german.date(iso: "2026-02-30") == "2026-02-30")
        #expect(DisplayFormat(language: .english, timeZone: Self.berlin).date(iso: "2026-11-25") == "2026-11-25")
    }

    @Test(
        "Decimals have a comma in German, whole numbers no decimals",
        arguments: [(7.5, "7,5", "7.5"), (3.0, "3", "3"), (41.666666, "41,67", "41.67"), (-0.25, "-0,25", "-0.25")])
    func decimals(number: Double, german: String, english: String) {
        #expect(DisplayFormat(language: .german, timeZone: Self.berlin).decimal(number) == german)
        #expect(DisplayFormat(language: .english, timeZone: Self.berlin).decimal(number) == english)
    }

    @Test("The local day and the day before, across midnight in the time zone")
    func days() {
        let format = DisplayFormat(language: .german, timeZone: Self.berlin)
        // 2026-11-25 23:30 UTC is already the 26th in Berlin.
        let late = Timestamp(millisecondsSince1970: 1_795_649_400_000)
        #expect(format.isoDay(late) == "2026-11-26")
        #expect(format.isoDay(late, addingDays: -1) == "2026-11-25")
        #expect(format.isoDay(Timestamp(millisecondsSince1970: 1_772_323_200_000), addingDays: -1) == "2026-02-28")
    }
}
