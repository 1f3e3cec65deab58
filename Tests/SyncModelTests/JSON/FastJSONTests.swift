import Foundation
import PropertyBased
import SyncModel
import Testing

/// The hand-written JSON codec agrees with Foundation's `JSONDecoder`/`JSONEncoder` on every
/// input: it either reads what Foundation reads, or leaves the input to Foundation.
@Suite("FastJSON")
struct FastJSONTests {
    static let script = Gen.int(in: 0...Int(Int32.max)).array(of: 1...60)
    static let pick = Gen.int(in: 0...10_000)

    /// Foundation's answer for `json`: the value, or nil when it throws.
    func foundation<Value: Decodable>(_ type: Value.Type, _ json: [UInt8]) -> Value? {
        try? JSONDecoder().decode(type, from: Data(json))
    }

    @Test
    func recordsRoundTripWithFoundationsBytes() async {
        await propertyCheck(count: 300, input: Self.script, Self.pick) { script, pick in
            var simulation = ReplicaSimulation(replicaCount: 3)
            try simulation.run(script)
            let record = simulation.history[pick % simulation.history.count]
            let foundationJSON = try JSONEncoder.sorted.encode(record)
            let fastJSON = try FastJSON.encode(record)
            #expect(fastJSON == Array(foundationJSON))
            #expect(FastJSON.decodeWithoutFallback(Record.self, from: foundationJSON) == record)
            #expect(try JSONDecoder().decode(Record.self, from: Data(fastJSON)) == record)
        }
    }

    @Test
    func valuesDecodeAsFoundationDecodesThem() async {
        await propertyCheck(count: 1_000, input: Self.script) { script in
            var source = ValueSource(script)
            let value = source.makeValue(depth: 0)
            let json = Array(try JSONEncoder.sorted.encode(value))
            let expected = try JSONDecoder().decode(FieldValue.self, from: Data(json))
            let fast = FastJSON.decodeWithoutFallback(FieldValue.self, from: json)
            if ValueSource.needsFallback(value) {
                #expect(fast == nil || fast == expected)
            } else {
                #expect(fast == expected)
            }
            let fastJSON = try FastJSON.encode(value)
            #expect(try JSONDecoder().decode(FieldValue.self, from: Data(fastJSON)) == expected)
        }
    }

    @Test(arguments: [
        "1", "-0", "0", "1.0", "-1.0e0", "1.5", "1e2", "1E+2", "1e-2", "0.1", "2.5e-324",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890",
        "1.7976931348623157e308", "1e400", "-1e400", "1.", ".5", "01", "-", "1e", "+1", "0x10", "NaN",
        "9007199254740993.0", "4.5e15",
        #""a\u00e4\ud83d\ude00/\/\b\f\n\r\t\"\\""#, #""\ud800""#, #""\udc00x""#, #""\u00""#, "\"\u{7f}é😀\"",
        "\"raw\ttab\"", "\"\\x\"", "true", "false", "null", "nul", "tru", " [1 ,\n2 ] ", "[1,]", "[,1]", "[]", "{}",
        #"{"b":1,"a":{"c":[null,true]}}"#, #"{"a":1,"a":2}"#, #"{"a":1,}"#, #"{"\u0061":1}"#, #"{"ä":"ü"}"#,
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "1 2", "", "   ",
    ])
    func oddValuesGetFoundationsAnswer(json: String) throws {
        let bytes = Array(json.utf8)
        let expected = foundation(FieldValue.self, bytes)
        let fast = FastJSON.decodeWithoutFallback(FieldValue.self, from: bytes)
        if let fast { #expect(fast == expected, "the fast decoder read \(fast), Foundation \(String(describing: expected))") }
        #expect((try? FastJSON.decode(FieldValue.self, from: bytes)) == expected)
    }

    @Test(arguments: [
        // Unknown members, nulls for optional members, members in any order.
        #"{"version":{},"owner":"o","id":"00000000-0000-0000-0000-000000000001","collection":"responses","cohort":"c","extra":[1,{"x":null}],"survey":null,"fields":null,"deleted":null,"surveyVersion":null}"#,
        // A lower-case id, a whole surveyVersion written as 2.0, a zero counter.
        #"{"id":"0000000a-0000-0000-0000-00000000000b","collection":"r","cohort":"c","owner":"o","survey":"s","surveyVersion":2.0,"version":{"0000000000000000000000000000000a":0},"fields":{}}"#,
        // A conflict written out of order, and an empty register.
        #"{"id":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{"0000000000000000000000000000000b":2,"0000000000000000000000000000000A":1},"fields":{"x":[{"dot":"0000000000000000000000000000000b:2","value":"b","at":5},{"dot":"0000000000000000000000000000000a:1","value":null,"at":4}],"y":[]}}"#,
        // Deletion registers.
        #"{"id":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{"0000000000000000000000000000000a":1},"deleted":[{"dot":"0000000000000000000000000000000a:1","value":{"deleted":true,"seen":null},"at":1}]}"#,
        // Things only Foundation reads or rejects: duplicates, escapes in keys, bad dots and replica ids.
        #"{"id":"00000000-0000-0000-0000-000000000001","id":"00000000-0000-0000-0000-000000000002","collection":"r","cohort":"c","owner":"o","version":{}}"#,
        #"{"\u0069d":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{}}"#,
        #"{"id":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{"0000000000000000000000000000000a":1},"fields":{"x":[{"dot":"0000000000000000000000000000000a:+1","value":1,"at":1}]}}"#,
        #"{"id":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{"0000000000000000000000000000000a":1},"fields":{"x":[{"dot":"0000000000000000000000000000000a:0","value":1,"at":1}]}}"#,
        #"{"id":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{"0000000000000000000000000000000g":1}}"#,
        #"{"id":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{"0000000000000000000000000000000a":-1}}"#,
        #"{"id":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{"0000000000000000000000000000000a":18446744073709551615}}"#,
        #"{"id":"not-a-uuid","collection":"r","cohort":"c","owner":"o","version":{}}"#,
        #"{"collection":"r","cohort":"c","owner":"o","version":{}}"#,
        #"{"id":"00000000-0000-0000-0000-000000000001","collection":"r","cohort":"c","owner":"o","version":{},"fields":{"x":[{"dot":"0000000000000000000000000000000a:1","at":1}]}}"#,
    ])
    func oddRecordsGetFoundationsAnswer(json: String) throws {
        let bytes = Array(json.utf8)
        let expected = foundation(Record.self, bytes)
        if let fast = FastJSON.decodeWithoutFallback(Record.self, from: bytes) { #expect(fast == expected) }
        #expect((try? FastJSON.decode(Record.self, from: bytes)) == expected)
    }

    @Test
    func mutatedRecordsNeverDecodeDifferently() async {
        await propertyCheck(count: 1_000, input: Self.script, Self.pick, Self.pick, Self.pick) { script, position, byte, kind in
            var simulation = ReplicaSimulation(replicaCount: 2)
            try simulation.run(script)
            var json = Array(try FastJSON.encode(simulation.history.last!))
            let at = position % json.count
            let replacements = Array(#"{}[]:,"\0aA9-.eE n"#.utf8)
            let replacement = replacements[byte % replacements.count]
            switch kind % 3 {
            case 0: json[at] = replacement
            case 1: json.remove(at: at)
            default: json.insert(replacement, at: at)
            }
            let expected = foundation(Record.self, json)
            if let fast = FastJSON.decodeWithoutFallback(Record.self, from: json) {
                #expect(fast == expected, "\(String(decoding: json, as: UTF8.self))")
            }
        }
    }

    @Test
    func wireMessagesRoundTrip() throws {
        var simulation = ReplicaSimulation(replicaCount: 3)
        try simulation.run(Array(stride(from: 7, to: 4_000_000, by: 65_537)))
        let records = Array(simulation.history.suffix(5))
        let request = PushRequest(epoch: "e\"1", records: records)
        #expect(FastJSON.decodeWithoutFallback(PushRequest.self, from: try FastJSON.encode(request)) == request)
        #expect(try JSONDecoder().decode(PushRequest.self, from: Data(try FastJSON.encode(request))) == request)
        let page = ChangesPage(records: records, cursor: "42", hasMore: true, epoch: "e")
        #expect(FastJSON.decodeWithoutFallback(ChangesPage.self, from: try FastJSON.encode(page)) == page)
        let response = PushResponse(
            epoch: "e",
            results: [
                .makeAccepted(sent: records[0], merged: records[1]),
                .makeAccepted(sent: records[2], merged: records[2]),
                .makeRejected(id: records[3].id, ErrorDetail(.invalidRecord, "The record is wrong. Fix it.")),
            ])
        let encoded = try FastJSON.encode(response)
        #expect(try JSONDecoder().decode(PushResponse.self, from: Data(encoded)) == response)
        #expect(try FastJSON.decode(PushResponse.self, from: encoded) == response)
        #expect(FastJSON.decodeWithoutFallback(PushResponse.self, from: encoded) == nil, "an error takes the fallback")
    }

    @Test
    func invalidInputThrowsFoundationsError() {
        let json = Array(#"{"epoch":null,"records":[{"id":"x"}]}"#.utf8)
        #expect(throws: DecodingError.self) { try FastJSON.decode(PushRequest.self, from: json) }
    }

    @Test
    func nonFiniteNumbersAreNotWritten() {
        #expect(throws: JSONWriter.InvalidValue.self) { try FastJSON.encode(FieldValue.decimal(.nan)) }
        #expect(throws: JSONWriter.InvalidValue.self) { try FastJSON.encode(FieldValue.array([.decimal(-.infinity)])) }
    }
}

/// Builds JSON values from a script of integers, with the strings and numbers that JSON codecs
/// get wrong most often.
struct ValueSource {
    static let strings = [
        "", "a", "ä", "😀", "\"", "\\", "/", "\n", "\r\t", "\u{1}", "\u{1f}", "\u{7f}", "\u{2028}", "é", "e\u{301}",
        "Hausnummer 12a", "<script>", "\u{0}",
    ]
    /// Object keys: without characters that need escapes, because an escaped key makes the
    /// fast decoder leave the document to Foundation (tested with a table).
    static let keys = ["", "a", "ä", "😀", "/", "é", "e\u{301}", "Hausnummer 12a", "<script>", "\u{7f}", "\u{2028}"]
    static let numbers: [FieldValue] = [
        .integer(0), .integer(-1), .integer(Int64.max), .integer(Int64.min), .integer(9_007_199_254_740_993),
        .decimal(-0.0), .decimal(1.0), .decimal(1.5), .decimal(0.1), .decimal(1e20), .decimal(1e-7), .decimal(1e15),
        .decimal(Double.leastNonzeroMagnitude), .decimal(1.7976931348623157e308), .decimal(123456.789), .decimal(-42), .decimal(9.3e18),
    ]
    /// Whether `value` holds a fractional-form number from 2^53 to 2^64, which the fast
    /// decoder leaves to Foundation by design.
    static func needsFallback(_ value: FieldValue) -> Bool {
        switch value {
        case .decimal(let number): return number.magnitude >= 0x1p53 && number.magnitude < 0x1p64
        case .array(let elements): return elements.contains(where: needsFallback)
        case .object(let members): return members.values.contains(where: needsFallback)
        default: return false
        }
    }

    private var script: [Int]
    private var position = 0

    init(_ script: [Int]) { self.script = script }

    /// The next integer of the script (the script repeats).
    mutating func next() -> Int {
        defer { position += 1 }
        return script[position % script.count]
    }

    /// A value; containers stop nesting at depth 4.
    mutating func makeValue(depth: Int) -> FieldValue {
        let n = next()
        switch n % (depth < 4 ? 8 : 6) {
        case 0: return .null
        case 1: return .bool(n % 3 == 0)
        case 2, 3: return Self.numbers[(n / 8) % Self.numbers.count]
        case 4, 5: return .string((0..<(n / 8) % 4).map { _ in Self.strings[next() % Self.strings.count] }.joined())
        case 6: return .array((0..<(n / 8) % 4).map { _ in makeValue(depth: depth + 1) })
        default:
            var members: [String: FieldValue] = [:]
            for _ in 0..<(n / 8) % 4 { members[Self.keys[next() % Self.keys.count]] = makeValue(depth: depth + 1) }
            return .object(members)
        }
    }
}
