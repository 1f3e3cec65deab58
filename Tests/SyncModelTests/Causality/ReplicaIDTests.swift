import Foundation
import SyncFixtures
import SyncModel
import Testing

@Suite("ReplicaID and Dot")
struct ReplicaIDTests {
    @Test
    func textFormIs32LowercaseHexDigits() {
        let id = ReplicaID(high: 0x0123_4567_89AB_CDEF, low: 0xF)
        #expect(id.description == "0123456789abcdef000000000000000f")
        #expect(ReplicaID(id.description) == id)
        #expect(ReplicaID("0123456789ABCDEF000000000000000F") == id)
    }

    @Test(arguments: ["", "0123", "0123456789abcdef000000000000000g", "+123456789abcdef000000000000000f",
        "0123456789abcdef000000000000000f0", "0123456789abcdef-00000000000000f"])
    func rejectsMalformedText(_ text: String) {
        #expect(ReplicaID(text) == nil)
    }

    @Test
    func randomIdsComeFromTheInjectedGenerator() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        #expect(ReplicaID.makeRandom(using: &first) == ReplicaID.makeRandom(using: &second))
        #expect(ReplicaID.makeRandom() != ReplicaID.makeRandom())
    }

    @Test
    func orderFollowsTheTextForm() {
        let ids = (0..<50).map { _ in ReplicaID.makeRandom() }
        #expect(ids.sorted().map(\.description) == ids.map(\.description).sorted())
    }

    @Test
    func dotRoundTripsThroughItsTextForm() throws {
        let dot = Dot(replica: ReplicaID(high: 1, low: 2), counter: 17)
        #expect(dot.description == "00000000000000010000000000000002:17")
        #expect(Dot(dot.description) == dot)
        let data = try JSONEncoder().encode([dot])
        #expect(try JSONDecoder().decode([Dot].self, from: data) == [dot])
    }

    @Test(arguments: ["00000000000000010000000000000002:0", "00000000000000010000000000000002", ":3",
        "00000000000000010000000000000002:-1", "00000000000000010000000000000002:1:2"])
    func rejectsMalformedDots(_ text: String) {
        #expect(Dot(text) == nil)
    }
}
