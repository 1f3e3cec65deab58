import Foundation

/// A JSON value held by one sibling of a field: an answer, a household attribute or a note.
///
/// Integers and decimals stay apart so that `3` and `3.5` round-trip exactly; the survey
/// decides which one a question accepts.
public enum FieldValue: Hashable, Sendable {
    /// JSON `null`: the field was cleared.
    case null
    /// A boolean.
    case bool(Bool)
    /// A whole number.
    case integer(Int64)
    /// A number with a fractional part.
    case decimal(Double)
    /// A string.
    case string(String)
    /// An ordered list, e.g. the choices of a `select_multiple` answer.
    case array([FieldValue])
    /// An object, e.g. a geopoint `{"latitude": …, "longitude": …}`.
    case object([String: FieldValue])
}

extension FieldValue: Codable {
    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .decimal(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([FieldValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: FieldValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a JSON value.")
        }
    }

    /// Encodes the value as plain JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .decimal(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension FieldValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral, ExpressibleByDictionaryLiteral
{
    /// Creates a string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates an integer value.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// Creates a decimal value.
    public init(floatLiteral value: Double) { self = .decimal(value) }
    /// Creates a boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates an array value.
    public init(arrayLiteral elements: FieldValue...) { self = .array(elements) }
    /// Creates `null`.
    public init(nilLiteral: ()) { self = .null }
    /// Creates an object value.
    public init(dictionaryLiteral elements: (String, FieldValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension FieldValue {
    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, when this is an integer or a decimal.
    public var numberValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .decimal(let value): return value
        default: return nil
        }
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// A short human-readable rendering, as shown in conflicts and listings.
    public var displayText: String {
        switch self {
        case .null: return "—"
        case .bool(let value): return value ? "ja" : "nein"
        case .integer(let value): return String(value)
        case .decimal(let value): return String(value)
        case .string(let value): return value
        case .array(let values): return values.map(\.displayText).joined(separator: ", ")
        case .object(let members):
            return members.keys.sorted().map { "\($0): \(members[$0]!.displayText)" }.joined(separator: ", ")
        }
    }
}
