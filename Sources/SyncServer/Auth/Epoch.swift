/// Makes epoch ids: 128 random bits as 32 lowercase hexadecimal digits.
enum Epoch {
    /// A new random epoch id.
    static func make(using random: any RandomSource) -> String {
        random.bytes(16).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
