/// The source of every random value the server makes: tokens, codes, device ids, epochs.
///
/// Inject a seeded source in tests so that runs replay.
protocol RandomSource: Sendable {
    /// Returns `count` random bytes.
    func bytes(_ count: Int) -> [UInt8]
}
