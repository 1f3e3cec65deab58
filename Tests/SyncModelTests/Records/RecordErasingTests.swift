import Foundation
import SyncModel
import Testing

/// Erasure as the top of a record's lattice, and its encodings.
@Suite("Record erasing")
struct RecordErasingTests {
    let anna = TestReplicas.anna
    let trainer = TestReplicas.trainer
    func at(_ ms: Int64) -> Timestamp { TestReplicas.at(ms) }

    func answered() -> Record {
        var record = TestReplicas.response()
        record.write(["alter": 34, "kontakt": "0171 5550199"], by: anna, at: at(1))
        record.delete(by: anna, at: at(2))
        return record
    }

    func erased(_ record: Record, by name: String = "tina", at time: Int64 = 5) -> Record {
        var copy = record
        copy.erase(Erasure(erasedBy: name, erasedAt: at(time)), by: trainer)
        return copy
    }

    @Test
    func erasingDropsEveryFieldSiblingAndDeletionAndTakesADot() {
        let record = answered()
        let result = erased(record)
        #expect(result.isErased && result.fields.isEmpty && result.deletion.isEmpty && result.values.isEmpty)
        #expect(result.version[trainer] == record.version[trainer] + 1)
        #expect(!result.isDeleted && result.conflicts.isEmpty)
        #expect(result.identity == record.identity)
    }

    @Test
    func anErasureAbsorbsALaterEditInEitherOrder() throws {
        let base = answered()
        var edited = base
        edited.write("kontakt", "neue Nummer", by: anna, at: at(9))
        let erasure = erased(base)
        for merged in [try erasure.merging(edited), try edited.merging(erasure)] {
            #expect(merged.isErased && merged.fields.isEmpty)
            #expect(merged.erasure == erasure.erasure)
            #expect(merged.version.dominates(edited.version) && merged.version.dominates(erasure.version))
        }
    }

    @Test
    func ofTwoErasuresTheEarlierWinsThenTheSmallerName() throws {
        let base = answered()
        let early = erased(base, by: "zoe", at: 3)
        let late = erased(base, by: "anna", at: 4)
        #expect(try early.merging(late).erasure?.erasedBy == "zoe")
        #expect(try late.merging(early).erasure?.erasedBy == "zoe")
        let tie = erased(base, by: "anna", at: 3)
        #expect(try early.merging(tie).erasure?.erasedBy == "anna")
        #expect(try tie.merging(early) == early.merging(tie))
    }

    @Test
    func erasedStatesRoundTripThroughEveryEncoding() throws {
        let record = erased(answered())
        #expect(try StoredRecordEncoding.decode(StoredRecordEncoding.encode(record)) == record)
        #expect(try FastJSON.decode(Record.self, from: Data(FastJSON.encode(record))) == record)
        #expect(try JSONDecoder().decode(Record.self, from: JSONEncoder().encode(record)) == record)
        let json = String(decoding: try FastJSON.encode(record), as: UTF8.self)
        #expect(json.contains(#""erased":{"at":"#) && json.contains(#""by":"tina","reason":"on-request"}"#))
        #expect(!json.contains("0171"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(record) == Data(FastJSON.encode(record)))
    }

    @Test
    func statesWithoutAnErasureEncodeAsBeforeAndOldBytesStillDecode() throws {
        let record = answered()
        let bytes = StoredRecordEncoding.encode(record)
        #expect(try StoredRecordEncoding.decode(bytes) == record)
        #expect(!String(decoding: try FastJSON.encode(record), as: UTF8.self).contains("erased"))
    }

    @Test
    func anErasureSectionAfterContentIsRefused() throws {
        // Hand-made: an unerased state's bytes followed by an erasure section; an erased state has no fields.
        let erasedEmpty = erased(TestReplicas.response())
        let unerased = Record(
            id: erasedEmpty.id, collection: erasedEmpty.collection, cohort: erasedEmpty.cohort, survey: erasedEmpty.survey,
            surveyVersion: erasedEmpty.surveyVersion, owner: erasedEmpty.owner, version: erasedEmpty.version, fields: [:],
            deletion: Register())
        let full = StoredRecordEncoding.encode(erasedEmpty)
        let prefix = StoredRecordEncoding.encode(unerased)
        #expect(Array(full.prefix(prefix.count)) == prefix)
        let section = Array(full.dropFirst(prefix.count))
        #expect(section.first == StoredRecordEncoding.erasureTag)
        #expect(throws: StoredRecordDecodingError.self) {
            try StoredRecordEncoding.decode(StoredRecordEncoding.encode(answered()) + section)
        }
    }

    @Test
    func writesToAnErasedRecordStoreNothing() {
        var record = erased(answered())
        let before = record.version
        record.write(["kontakt": "wieder da"], by: anna, at: at(7))
        record.delete(by: anna, at: at(8))
        record.restore(by: anna, at: at(9))
        #expect(record.fields.isEmpty && record.deletion.isEmpty && record.isErased)
        #expect(record.version[anna] == before[anna] + 3)
    }
}
