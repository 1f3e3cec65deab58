import Foundation
import SyncModel
import Testing

@Suite("Record merge")
struct RecordMergeTests {
    let anna = TestReplicas.anna
    let ben = TestReplicas.ben
    let trainer = TestReplicas.trainer
    func at(_ ms: Int64) -> Timestamp { TestReplicas.at(ms) }

    @Test
    func aWriteThatSawAnotherReplacesIt() throws {
        var annas = TestReplicas.response()
        annas.write("alter", 34, by: anna, at: at(1))
        var trainers = annas
        trainers.write("alter", 43, by: trainer, at: at(2))
        let merged = try annas.merging(trainers)
        #expect(merged.fields["alter"]?.siblings.map(\.value) == [43])
        #expect(merged.conflicts.isEmpty)
        #expect(merged.version == [anna: 1, trainer: 1])
    }

    @Test
    func concurrentWritesBecomeSiblings() throws {
        var base = TestReplicas.response()
        base.write("wohndauer", "unter_1", by: anna, at: at(1))
        var annas = base
        var trainers = base
        annas.write("wohndauer", "1_5", by: anna, at: at(10))
        trainers.write("wohndauer", "5_10", by: trainer, at: at(5))
        let merged = try annas.merging(trainers)
        let values = Set(merged.fields["wohndauer"]!.siblings.map(\.value))
        #expect(values == ["1_5", "5_10"])
        #expect(merged.conflicts.map(\.fieldName) == ["wohndauer"])
        // The shown value is the later timestamp, on every replica.
        #expect(merged.value(of: "wohndauer") == "1_5")
        #expect(try trainers.merging(annas).value(of: "wohndauer") == "1_5")
    }

    @Test
    func aWriteNeverLosesAgainstAWriteThatDidNotSeeIt() throws {
        var annas = TestReplicas.response()
        annas.write("anmerkung", "Erdgeschoss links", by: anna, at: at(1000))
        var bens = TestReplicas.response()
        // Ben's clock is far ahead; his write still does not erase Anna's.
        bens.write("anmerkung", "Hinterhaus", by: ben, at: at(9_000_000))
        let merged = try annas.merging(bens)
        #expect(Set(merged.fields["anmerkung"]!.siblings.map(\.value)) == ["Erdgeschoss links", "Hinterhaus"])
    }

    @Test
    func writingAgainAfterSeeingBothResolvesTheConflict() throws {
        var annas = TestReplicas.response()
        var trainers = TestReplicas.response()
        annas.write("alter", 34, by: anna, at: at(1))
        trainers.write("alter", 35, by: trainer, at: at(2))
        var resolved = try annas.merging(trainers)
        #expect(resolved.conflicts.count == 1)
        resolved.write("alter", 34, by: anna, at: at(3))
        #expect(resolved.conflicts.isEmpty)
        // The resolution reaches the trainer and wins there too.
        let atTrainer = try trainers.merging(resolved)
        #expect(atTrainer == resolved)
        #expect(atTrainer.value(of: "alter") == 34)
    }

    @Test
    func concurrentWritesToDifferentFieldsMergeWithoutConflict() throws {
        var base = TestReplicas.response()
        base.write(["alter": 34, "wohndauer": "1_5"], by: anna, at: at(1))
        var annas = base
        var trainers = base
        annas.write("_note", "Bewohnerin möchte zum Treffen eingeladen werden.", by: anna, at: at(2))
        trainers.write("alter", 43, by: trainer, at: at(3))
        let merged = try annas.merging(trainers)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.values == ["alter": 43, "wohndauer": "1_5", "_note": "Bewohnerin möchte zum Treffen eingeladen werden."])
    }

    @Test
    func timestampsNeverDecideBetweenCausallyOrderedWrites() throws {
        var annas = TestReplicas.response()
        annas.write("alter", 34, by: anna, at: at(5_000_000))
        var bens = annas
        // Ben's clock is years behind, but he saw Anna's write: his write replaces it.
        bens.write("alter", 36, by: ben, at: Timestamp(millisecondsSince1970: 0))
        #expect(try annas.merging(bens).value(of: "alter") == 36)
        #expect(try bens.merging(annas).value(of: "alter") == 36)
    }

    @Test(arguments: [(Int64(5), Int64(5)), (Int64(1), Int64(9)), (Int64(9), Int64(1))])
    func shownValuePrefersLaterTimestampThenLargerReplica(annaTime: Int64, trainerTime: Int64) throws {
        var annas = TestReplicas.response()
        var trainers = TestReplicas.response()
        annas.write("alter", 1, by: anna, at: at(annaTime))
        trainers.write("alter", 2, by: trainer, at: at(trainerTime))
        let expected: FieldValue = annaTime > trainerTime ? 1 : 2  // ties go to the larger replica id
        #expect(try annas.merging(trainers).value(of: "alter") == expected)
        #expect(try trainers.merging(annas).value(of: "alter") == expected)
    }

    @Test
    func oneEditSharesOneDotAcrossItsFields() {
        var record = TestReplicas.response()
        let dot = record.write(["alter": 34, "wohndauer": "1_5", "_status": "draft"], by: anna, at: at(1))
        #expect(dot == Dot(replica: anna, counter: 1))
        #expect(record.version == [anna: 1])
        #expect(record.fields.values.allSatisfy { $0.siblings.map(\.dot) == [dot] })
        #expect(record.write([:], by: anna, at: at(2)) == nil)
        #expect(record.version == [anna: 1])
    }

    @Test
    func staleStateCannotRollARecordBack() throws {
        var record = TestReplicas.response()
        record.write("alter", 34, by: anna, at: at(1))
        let stale = record
        record.write("alter", 35, by: anna, at: at(2))
        #expect(try record.merging(stale) == record)
        #expect(try stale.merging(record) == record)
    }

    @Test(arguments: [
        ("cohort", Record(id: TestReplicas.recordID, collection: "responses", cohort: "andere-kohorte",
            survey: "nachbarschaft-2026", surveyVersion: 1, owner: "anna")),
        ("collection", Record(id: TestReplicas.recordID, collection: "households", cohort: "quartier-2026",
            survey: "nachbarschaft-2026", surveyVersion: 1, owner: "anna")),
        ("owner", Record(id: TestReplicas.recordID, collection: "responses", cohort: "quartier-2026",
            survey: "nachbarschaft-2026", surveyVersion: 1, owner: "ben")),
        ("survey version", Record(id: TestReplicas.recordID, collection: "responses", cohort: "quartier-2026",
            survey: "nachbarschaft-2026", surveyVersion: 2, owner: "anna")),
        ("id", Record(id: UUID(), collection: "responses", cohort: "quartier-2026",
            survey: "nachbarschaft-2026", surveyVersion: 1, owner: "anna")),
    ])
    func identityNeverChanges(part: String, moved: Record) {
        var record = TestReplicas.response()
        record.write("alter", 34, by: anna, at: at(1))
        let before = record
        #expect {
            try record.merge(moved)
        } throws: { error in
            guard case .identityMismatch(_, let failing, _, _) = error as? RecordError else { return false }
            return failing == part
        }
        #expect(record == before)
    }
}
