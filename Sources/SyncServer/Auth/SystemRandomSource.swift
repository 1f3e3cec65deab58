/// Random bytes from the operating system's cryptographically secure generator.
struct SystemRandomSource: RandomSource {
    /// Creates the system source.
    init() {}

    /// Returns `count` bytes from `SystemRandomNumberGenerator`.
    func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
