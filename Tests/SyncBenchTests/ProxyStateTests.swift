import SyncFixtures
import Testing

@testable import syncbench

/// Which connections the bad link of row 9 cuts, and where (``ThrottlingProxy/ProxyState``).
@Suite("Throttling proxy cuts")
struct ProxyStateTests {
    /// A profile cutting every 20th connection within 2 KiB to 128 KiB.
    static let profile = LinkProfile(
        bytesPerSecond: 50_000, roundTrip: .milliseconds(300), cutEvery: 20, cutWithin: 128 * 1024, seed: 19)

    @Test("every 20th connection is cut, starting with the first, at a byte from 2 KiB to 128 KiB")
    func cutsEveryTwentieth() {
        var state = ThrottlingProxy.ProxyState(random: SplitMix64(seed: 7))
        let cuts = (0..<60).map { _ in state.cutForNextConnection(Self.profile) }
        #expect(cuts.indices.filter { cuts[$0] != nil } == [0, 20, 40])
        for cut in cuts.compactMap({ $0 }) { #expect((2048..<128 * 1024).contains(cut)) }
    }

    @Test("a cut its connection did not reach passes to the next one, within the bytes the uncut one carried")
    func missedCutPasses() {
        var state = ThrottlingProxy.ProxyState(random: SplitMix64(seed: 7))
        #expect(state.cutForNextConnection(Self.profile) != nil)
        state.cutMissed(carried: 10_000, Self.profile)
        let passed = state.cutForNextConnection(Self.profile)
        #expect(passed.map { (2048..<10_000).contains($0) } == true)
        // Passed once only: the connection after is not cut.
        #expect(state.cutForNextConnection(Self.profile) == nil)
    }

    @Test("a connection that carried less than the first 2 KiB passes the cut on with the whole range")
    func tinyConnectionKeepsRange() {
        var state = ThrottlingProxy.ProxyState(random: SplitMix64(seed: 7))
        _ = state.cutForNextConnection(Self.profile)
        state.cutMissed(carried: 900, Self.profile)
        #expect(state.owedCut == 128 * 1024)
    }
}
