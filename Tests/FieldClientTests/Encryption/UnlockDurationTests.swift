import Testing
@testable import fieldclient

@Suite("UnlockDuration")
struct UnlockDurationTests {
    @Test("durations people type", arguments: [("8h", 28_800), ("90m", 5_400), ("1h30m", 5_400), ("45s", 45), ("24h", 86_400)])
    func accepted(text: String, seconds: Int) {
        #expect(UnlockDuration.seconds(text) == UInt32(seconds))
    }

    @Test("what is not a duration of 1 second to 24 hours", arguments: ["", "8", "h", "25h", "0h", "8x", "-1h", "1h 5"])
    func refused(text: String) {
        #expect(UnlockDuration.seconds(text) == nil)
    }

    @Test("durations are described the way they are typed", arguments: [(28_800, "8h"), (5_400, "1h30m"), (45, "45s")])
    func described(seconds: Int, text: String) {
        #expect(UnlockDuration.describe(UInt32(seconds)) == text)
    }
}
