import SyncModel
import Testing

@Suite("Record deletion")
struct RecordDeletionTests {
    let anna = TestReplicas.anna
    let trainer = TestReplicas.trainer
    func at(_ ms: Int64) -> Timestamp { TestReplicas.at(ms) }

    func baseRecord() -> Record {
        var record = TestReplicas.response()
        record.write(["alter": 34, "wohndauer": "1_5"], by: anna, at: at(1))
        return record
    }

    @Test
    func deleteThatSawEverythingHidesTheRecordAndKeepsItsFields() throws {
        var record = baseRecord()
        record.delete(by: trainer, at: at(2))
        #expect(record.isDeleted)
        #expect(record.conflicts.isEmpty)
        #expect(record.value(of: "alter") == 34)
    }

    @Test
    func restoreIsALaterWriteThatBringsTheRecordBack() throws {
        var record = baseRecord()
        record.delete(by: trainer, at: at(2))
        var annas = record
        annas.restore(by: anna, at: at(3))
        #expect(!annas.isDeleted)
        let merged = try record.merging(annas)
        #expect(!merged.isDeleted)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.values == ["alter": 34, "wohndauer": "1_5"])
    }

    @Test
    func deleteAgainstAConcurrentEditKeepsBothAndShowsTheRecord() throws {
        let base = baseRecord()
        var trainers = base
        trainers.delete(by: trainer, at: at(10))
        var annas = base
        annas.write("_note", "Nachtrag: Bewohnerin ruft zurück.", by: anna, at: at(5))
        for merged in [try trainers.merging(annas), try annas.merging(trainers)] {
            #expect(!merged.isDeleted, "an edit the deleter had not seen keeps the record visible")
            #expect(merged.value(of: "_note") == "Nachtrag: Bewohnerin ruft zurück.")
            #expect(merged.deletion.siblings.count == 1)
            guard case .editedWhileDeleted(let fields, _) = merged.conflicts.first else {
                Issue.record("expected an editedWhileDeleted conflict, got \(merged.conflicts)")
                continue
            }
            #expect(fields == ["_note"])
        }
        // Deleting again, having seen the edit, settles it.
        var settled = try trainers.merging(annas)
        settled.delete(by: trainer, at: at(20))
        #expect(settled.isDeleted)
        #expect(settled.conflicts.isEmpty)
    }

    @Test
    func concurrentDeleteAndRestoreShowTheRecordAsAConflict() throws {
        var deleted = baseRecord()
        deleted.delete(by: anna, at: at(2))
        var trainers = deleted
        trainers.restore(by: trainer, at: at(3))
        var annas = deleted
        annas.delete(by: anna, at: at(4))
        let merged = try annas.merging(trainers)
        #expect(!merged.isDeleted)
        guard case .deleteAndRestore(let siblings) = merged.conflicts.first else {
            Issue.record("expected a deleteAndRestore conflict, got \(merged.conflicts)")
            return
        }
        #expect(siblings.count == 2)
    }

    @Test
    func concurrentDeletesTogetherCoverWhatEachSaw() throws {
        var base = baseRecord()
        var annas = base
        annas.write("alter", 35, by: anna, at: at(2))
        annas.delete(by: anna, at: at(3))
        base.delete(by: trainer, at: at(4))
        let merged = try annas.merging(base)
        #expect(merged.isDeleted)
        #expect(merged.conflicts.isEmpty)
    }
}
