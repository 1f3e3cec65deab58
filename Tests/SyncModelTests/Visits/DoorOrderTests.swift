import SyncModel
import Testing

/// The natural order of doors by street and house number.
@Suite("DoorOrder")
struct DoorOrderTests {
    @Test(
        "house numbers sort as numbers, suffixes after the plain number",
        arguments: [
            (["12", "2", "10a", "10"], ["2", "10", "10a", "12"]),
            (["3b", "3", "3a", "20"], ["3", "3a", "3b", "20"]),
            (["1-3", "1", "100"], ["1", "1-3", "100"]),
            (["", "5"], ["5", ""]),
            (["10 A", "10b", "9"], ["9", "10 A", "10b"]),
        ])
    func numbers(input: [String], expected: [String]) {
        #expect(input.sorted { DoorOrder.precedes("Lindenstraße", $0, "Lindenstraße", $1) } == expected)
    }

    @Test("streets first, ignoring case")
    func streetsFirst() {
        let doors = [("lindenstraße", "2"), ("Ahornweg", "10"), ("Lindenstraße", "1")]
        let sorted = doors.sorted { DoorOrder.precedes($0.0, $0.1, $1.0, $1.1) }
        #expect(sorted.map(\.1) == ["10", "1", "2"])
    }
}
