import Foundation

extension FieldValue: FastJSONDecodable {
    /// Reads any JSON value the way ``init(from:)`` does.
    public init(json scanner: inout JSONScanner) throws {
        switch try scanner.peek() {
        case UInt8(ascii: "\""): self = .string(try scanner.readString())
        case UInt8(ascii: "t"), UInt8(ascii: "f"): self = .bool(try scanner.readBool())
        case UInt8(ascii: "n"):
            guard try scanner.consumeNull() else { throw scanner.mismatch() }
            self = .null
        case UInt8(ascii: "["):
            self = .array(try scanner.readArray(of: FieldValue.self))
        case UInt8(ascii: "{"):
            var members: [String: FieldValue] = [:]
            try scanner.readObject { scanner, raw in
                let key = try scanner.readKey(raw)
                guard members.updateValue(try FieldValue(json: &scanner), forKey: key) == nil else {
                    throw scanner.mismatch()
                }
            }
            self = .object(members)
        default:
            switch try scanner.readNumber() {
            case .integer(let value): self = .integer(value)
            case .decimal(let value): self = .decimal(value)
            }
        }
    }
}

extension Deletion: FastJSONDecodable {
    /// Reads `{"deleted": Bool, "seen": VersionVector?}`.
    public init(json scanner: inout JSONScanner) throws {
        var isDeleted: Bool?
        var seen: VersionVector?
        var sawSeen = false
        try scanner.readObject { scanner, key in
            if key.equals("deleted") {
                guard isDeleted == nil else { throw scanner.mismatch() }
                isDeleted = try scanner.readBool()
            } else if key.equals("seen") {
                guard !sawSeen else { throw scanner.mismatch() }
                sawSeen = true
                seen = try scanner.consumeNull() ? nil : try VersionVector(json: &scanner)
            } else {
                try scanner.skipValue()
            }
        }
        guard let isDeleted else { throw scanner.mismatch() }
        self.init(isDeleted: isDeleted, seen: seen)
    }
}

extension Erasure: FastJSONDecodable {
    /// Reads `{"by": String, "at": Timestamp, "reason": String}`.
    public init(json scanner: inout JSONScanner) throws {
        var erasedBy: String?
        var erasedAt: Timestamp?
        var reason: String?
        try scanner.readObject { scanner, key in
            if key.equals("by") {
                guard erasedBy == nil else { throw scanner.mismatch() }
                erasedBy = try scanner.readString()
            } else if key.equals("at") {
                guard erasedAt == nil else { throw scanner.mismatch() }
                erasedAt = try Timestamp(json: &scanner)
            } else if key.equals("reason") {
                guard reason == nil else { throw scanner.mismatch() }
                reason = try scanner.readString()
            } else {
                try scanner.skipValue()
            }
        }
        guard let erasedBy, let erasedAt, let reason else { throw scanner.mismatch() }
        self.init(erasedBy: erasedBy, erasedAt: erasedAt, reason: reason)
    }
}

extension Sibling: FastJSONDecodable where Value: FastJSONDecodable {
    /// Reads `{"dot": …, "value": …, "at": …}`.
    public init(json scanner: inout JSONScanner) throws {
        var dot: Dot?
        var value: Value?
        var timestamp: Timestamp?
        try scanner.readObject { scanner, key in
            if key.equals("dot") {
                guard dot == nil else { throw scanner.mismatch() }
                dot = try Dot(json: &scanner)
            } else if key.equals("value") {
                guard value == nil else { throw scanner.mismatch() }
                value = try Value(json: &scanner)
            } else if key.equals("at") {
                guard timestamp == nil else { throw scanner.mismatch() }
                timestamp = try Timestamp(json: &scanner)
            } else {
                try scanner.skipValue()
            }
        }
        guard let dot, let value, let timestamp else { throw scanner.mismatch() }
        self.init(dot: dot, value: value, timestamp: timestamp)
    }
}

extension Register: FastJSONDecodable where Value: FastJSONDecodable {
    /// Reads the array of siblings, putting them into canonical order.
    public init(json scanner: inout JSONScanner) throws {
        self.init(siblings: try scanner.readArray(of: Sibling<Value>.self))
    }
}

extension Record: FastJSONDecodable {
    /// Reads a record the way ``init(from:)`` does: unknown members are ignored, `null` for an
    /// optional member means absent.
    public init(json scanner: inout JSONScanner) throws {
        var id: UUID?
        var collection: String?
        var cohort: String?
        var survey: String??
        var surveyVersion: Int??
        var owner: String?
        var version: VersionVector?
        var fields: [String: Register<FieldValue>]??
        var deletion: Register<Deletion>??
        var erasure: Erasure??
        try scanner.readObject { scanner, key in
            switch key.count {
            case 2 where key.equals("id"):
                guard id == nil else { throw scanner.mismatch() }
                id = try UUID(json: &scanner)
            case 10 where key.equals("collection"):
                guard collection == nil else { throw scanner.mismatch() }
                collection = try scanner.readString()
            case 6 where key.equals("cohort"):
                guard cohort == nil else { throw scanner.mismatch() }
                cohort = try scanner.readString()
            case 6 where key.equals("survey"):
                guard survey == nil else { throw scanner.mismatch() }
                survey = .some(try scanner.consumeNull() ? nil : try scanner.readString())
            case 13 where key.equals("surveyVersion"):
                guard surveyVersion == nil else { throw scanner.mismatch() }
                surveyVersion = .some(try scanner.consumeNull() ? nil : Int(try scanner.readInt64()))
            case 5 where key.equals("owner"):
                guard owner == nil else { throw scanner.mismatch() }
                owner = try scanner.readString()
            case 7 where key.equals("version"):
                guard version == nil else { throw scanner.mismatch() }
                version = try VersionVector(json: &scanner)
            case 6 where key.equals("fields"):
                guard fields == nil else { throw scanner.mismatch() }
                if try scanner.consumeNull() {
                    fields = .some(nil)
                } else {
                    var registers: [String: Register<FieldValue>] = [:]
                    try scanner.readObject { scanner, raw in
                        let name = try scanner.readKey(raw)
                        guard registers.updateValue(try Register(json: &scanner), forKey: name) == nil else {
                            throw scanner.mismatch()
                        }
                    }
                    fields = .some(registers)
                }
            case 7 where key.equals("deleted"):
                guard deletion == nil else { throw scanner.mismatch() }
                deletion = .some(try scanner.consumeNull() ? nil : try Register<Deletion>(json: &scanner))
            case 6 where key.equals("erased"):
                guard erasure == nil else { throw scanner.mismatch() }
                erasure = .some(try scanner.consumeNull() ? nil : try Erasure(json: &scanner))
            default:
                try scanner.skipValue()
            }
        }
        guard let id, let collection, let cohort, let owner, let version else { throw scanner.mismatch() }
        self.init(
            id: id, collection: collection, cohort: cohort, survey: survey ?? nil, surveyVersion: surveyVersion ?? nil,
            owner: owner, version: version, fields: (fields ?? nil) ?? [:], deletion: (deletion ?? nil) ?? Register(),
            erasure: erasure ?? nil)
    }
}
