import Foundation

extension ReplicaID {
    /// Parses exactly 32 hexadecimal digits (either case), as ``init(_:)`` accepts them.
    init?(hexBytes raw: UnsafeRawBufferPointer) {
        guard raw.count == 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for offset in 0..<16 {
            guard let digit = JSONScanner.hexValue(raw[offset]) else { return nil }
            high = high << 4 | UInt64(digit)
        }
        for offset in 16..<32 {
            guard let digit = JSONScanner.hexValue(raw[offset]) else { return nil }
            low = low << 4 | UInt64(digit)
        }
        self.init(high: high, low: low)
    }
}

extension ReplicaID: FastJSONDecodable {
    /// Reads the 32-digit string form.
    public init(json scanner: inout JSONScanner) throws {
        guard let replica = ReplicaID(hexBytes: try scanner.readRawString()) else { throw scanner.mismatch() }
        self = replica
    }
}

extension Dot: FastJSONDecodable {
    /// Reads `"<32 hex digits>:<counter ≥ 1>"`.
    public init(json scanner: inout JSONScanner) throws {
        let raw = try scanner.readRawString()
        guard raw.count >= 34, raw.count <= 32 + 1 + 19, raw[32] == UInt8(ascii: ":"),
            let replica = ReplicaID(hexBytes: UnsafeRawBufferPointer(rebasing: raw[0..<32]))
        else { throw scanner.mismatch() }
        var counter: UInt64 = 0
        for byte in raw[33...] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw scanner.mismatch() }
            let (times, overflow) = counter.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { throw scanner.mismatch() }
            counter = sum
        }
        guard counter > 0 else { throw scanner.mismatch() }
        self.init(replica: replica, counter: counter)
    }
}

extension Timestamp: FastJSONDecodable {
    /// Reads milliseconds since 1970.
    public init(json scanner: inout JSONScanner) throws {
        self.init(millisecondsSince1970: try scanner.readInt64())
    }
}

extension VersionVector: FastJSONDecodable {
    /// Reads the object of replica ids and counters; zero counters are dropped as in ``init(_:)``.
    public init(json scanner: inout JSONScanner) throws {
        var counters: [ReplicaID: UInt64] = [:]
        try scanner.readObject { scanner, key in
            guard let replica = ReplicaID(hexBytes: key) else { throw scanner.mismatch() }
            let counter = try scanner.readUInt64()
            guard counters.updateValue(counter, forKey: replica) == nil else { throw scanner.mismatch() }
        }
        self.init(counters)
    }
}

extension UUID {
    /// Reads the string form, as `JSONDecoder` accepts it: 36 characters, hyphens at 8, 13, 18
    /// and 23, hexadecimal digits of either case elsewhere. Read from the bytes, not with
    /// `UUID(uuidString:)`, whose `sscanf` showed in push and pull profiles.
    init(json scanner: inout JSONScanner) throws {
        let raw = try scanner.readRawString()
        guard let uuid = UUID(hexText: raw) else { throw scanner.mismatch() }
        self = uuid
    }

    /// The UUID written in `text` (ASCII), or nil.
    init?(hexText text: UnsafeRawBufferPointer) {
        guard text.count == 36 else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
            var position = 0
            for index in 0..<16 {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard text[position] == UInt8(ascii: "-") else { return false }
                    position += 1
                }
                guard let high = Self.hexValue(text[position]), let low = Self.hexValue(text[position + 1]) else {
                    return false
                }
                out[index] = high << 4 | low
                position += 2
            }
            return true
        }
        guard parsed else { return nil }
        self.init(uuid: bytes)
    }

    /// The value of a hexadecimal digit of either case.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
