import Foundation

extension JSONEncoder {
    /// An encoder with sorted keys, for comparing JSON text in tests.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
