/// A bad phone link as `ThrottlingProxy` imitates it: limited bandwidth each way, a long round
/// trip, and connections that break mid-transfer.
struct LinkProfile: Sendable {
    /// Bytes per second, in each direction.
    var bytesPerSecond: Double
    /// The round trip added to every exchange and connection set-up (half of it each way).
    var roundTrip: Duration
    /// Every `cutEvery`-th connection is cut, starting with the first; 0 cuts none. A connection
    /// that ends before its cut byte passes the cut to the next one (`ThrottlingProxy`).
    var cutEvery: Int
    /// A cut connection breaks after a random byte from `cutAfter` to `cutWithin` (both ways
    /// counted): never within the first `cutAfter` bytes, where a cut would lose a one-time
    /// enrollment code's answer (a failure of the set-up, not of syncing).
    var cutWithin: Int
    /// See ``cutWithin``.
    var cutAfter = 2048
    /// The seed of the cut positions, so that a run replays.
    var seed: UInt64

    /// The field's link of issue 19: 400 kbit/s each way, 300 ms added round trip, every 20th
    /// connection (the first, the 21st, …) cut within its first 128 KiB.
    static let field = LinkProfile(
        bytesPerSecond: 400_000 / 8, roundTrip: .milliseconds(300), cutEvery: 20, cutWithin: 128 * 1024, seed: 19)

    /// The best time for a transfer of `bytes` (both ways together) in `exchanges` request-answer
    /// round trips over `connections` connections: every byte at the bandwidth, one round trip
    /// per exchange and per connection set-up.
    func idealSeconds(bytes: Int, exchanges: Int, connections: Int) -> Double {
        let (whole, attoseconds) = roundTrip.components
        let roundTripSeconds = Double(whole) + Double(attoseconds) / 1e18
        return Double(bytes) / bytesPerSecond + Double(exchanges + connections) * roundTripSeconds
    }
}
