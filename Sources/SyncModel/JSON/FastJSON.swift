import Foundation

/// JSON of the sync types without Codable's overhead, with exactly `JSONDecoder`'s answers.
///
/// Decoding tries the hand-written decoder first; whenever it cannot read the input it decodes
/// the same bytes with Foundation's `JSONDecoder`, which then gives the value or the error
/// (with its coding path) that the API has always given. Encoding writes sorted keys, so equal
/// values give equal bytes.
public enum FastJSON {
    /// Decodes `type` from `bytes`.
    public static func decode<Value: FastJSONDecodable>(
        _ type: Value.Type, from bytes: some ContiguousBytes
    ) throws -> Value {
        if let fast = decodeWithoutFallback(type, from: bytes) { return fast }
        return try bytes.withUnsafeBytes { raw in
            try JSONDecoder().decode(Value.self, from: Data(raw))
        }
    }

    /// Decodes `type` with the hand-written decoder only; nil where it would fall back.
    ///
    /// For tests that check the two decoders agree.
    public static func decodeWithoutFallback<Value: FastJSONDecodable>(
        _ type: Value.Type, from bytes: some ContiguousBytes
    ) -> Value? {
        bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw)
            guard let value = try? Value(json: &scanner), (try? scanner.finish()) != nil else { return nil }
            return value
        }
    }

    /// The JSON of `value` with sorted keys.
    public static func encode(_ value: some FastJSONEncodable, capacity: Int = 1024) throws -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        try value.writeJSON(to: &writer)
        return writer.bytes
    }
}
