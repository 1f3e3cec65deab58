import Foundation
import SyncModel
import Testing

@Suite("Record structure and JSON")
struct RecordStructureTests {
    let anna = TestReplicas.anna
    let ben = TestReplicas.ben
    func at(_ ms: Int64) -> Timestamp { TestReplicas.at(ms) }

    func sibling(_ replica: ReplicaID, _ counter: UInt64, _ value: FieldValue) -> Sibling<FieldValue> {
        Sibling(dot: Dot(replica: replica, counter: counter), value: value, timestamp: at(1))
    }

    func record(version: VersionVector, fields: [String: Register<FieldValue>], deletion: Register<Deletion> = Register())
        -> Record
    {
        Record(
            id: TestReplicas.recordID, collection: "responses", cohort: "quartier-2026", survey: "s", surveyVersion: 1,
            owner: "anna", version: version, fields: fields, deletion: deletion)
    }

    @Test(arguments: [
        ("alter", true), ("Haus nummer", true), ("~", true), (String(repeating: "x", count: 128), true),
        ("Größe", true), ("😀", true), (String(repeating: "ä", count: 128), true),
        ("", false), (String(repeating: "x", count: 129), false), (String(repeating: "ä", count: 129), false),
        ("a\u{1}", false), ("a\u{7f}", false), ("a\n", false), ("ä\u{85}", false), ("\u{9f}", false),
    ])
    func fieldNamesAreOneTo128CharactersWithoutControlCharacters(name: String, isValid: Bool) {
        #expect(Record.isValidFieldName(name) == isValid)
    }

    @Test
    func statesMadeByWritesAndMergesPass() throws {
        var record = TestReplicas.response()
        record.write(["alter": 34], by: anna, at: at(1))
        var other = TestReplicas.response()
        other.write(["alter": 36], by: ben, at: at(1))
        record.delete(by: anna, at: at(2))
        try record.merging(other).checkStructure()
    }

    @Test
    func rejectsASiblingTheVersionHasNotSeen() {
        let state = record(version: [anna: 1], fields: ["alter": Register(siblings: [sibling(anna, 2, 34)])])
        #expect(throws: RecordError.dotNotCovered(field: "alter", dot: Dot(replica: anna, counter: 2))) {
            try state.checkStructure()
        }
    }

    @Test
    func rejectsTwoSiblingsOfOneReplica() {
        let state = record(
            version: [anna: 2], fields: ["alter": Register(siblings: [sibling(anna, 1, 34), sibling(anna, 2, 35)])])
        #expect(throws: RecordError.duplicateReplicaInRegister(field: "alter", replica: anna)) {
            try state.checkStructure()
        }
    }

    @Test
    func rejectsAbsurdCounters() {
        let state = record(version: [anna: Record.maximumCounter + 1], fields: [:])
        #expect(throws: RecordError.counterOutOfRange(replica: anna, counter: Record.maximumCounter + 1)) {
            try state.checkStructure()
        }
    }

    @Test(arguments: ["", String(repeating: "x", count: 129), "a\u{0}b", "zeile\numbruch"])
    func rejectsBadFieldNames(_ name: String) {
        let state = record(version: [anna: 1], fields: [name: Register(siblings: [sibling(anna, 1, 1)])])
        #expect(throws: RecordError.invalidFieldName(name)) { try state.checkStructure() }
    }

    @Test
    func rejectsADeleteWithoutWhatItSaw() {
        let delete = Sibling(dot: Dot(replica: anna, counter: 1), value: Deletion(isDeleted: true, seen: nil), timestamp: at(1))
        let state = record(version: [anna: 1], fields: [:], deletion: Register(siblings: [delete]))
        #expect(throws: RecordError.invalidDeletion(dot: delete.dot)) { try state.checkStructure() }
    }

    @Test
    func jsonFieldNamesArePartOfTheProtocol() throws {
        var record = TestReplicas.response()
        record.write("alter", 34, by: anna, at: Timestamp(millisecondsSince1970: 1_000))
        let json = String(decoding: try JSONEncoder.sorted.encode(record), as: UTF8.self)
        #expect(
            json == #"{"cohort":"quartier-2026","collection":"responses","fields":{"alter":[{"at":1000,"#
                + #""dot":"000000000000000a0000000000000001:1","value":34}]},"id":"6F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0","#
                + #""owner":"anna","survey":"nachbarschaft-2026","surveyVersion":1,"#
                + #""version":{"000000000000000a0000000000000001":1}}"#)
        record.delete(by: anna, at: Timestamp(millisecondsSince1970: 2_000))
        let decoded = try JSONDecoder().decode(Record.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
        #expect(decoded.isDeleted)
    }

    @Test
    func fieldValuesKeepTheirJSONKinds() throws {
        let values: [FieldValue] = [
            nil, true, 3, 3.5, "Größe", ["a", "b"], ["latitude": 51.34, "longitude": 12.37],
        ]
        let data = try JSONEncoder().encode(values)
        #expect(try JSONDecoder().decode([FieldValue].self, from: data) == values)
    }
}
