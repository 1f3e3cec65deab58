import PropertyBased
import SyncModel
import Testing

/// Merge is a join: commutative, associative and idempotent on every reachable record state.
@Suite("Merge properties")
struct MergePropertyTests {
    static let script = Gen.int(in: 0...Int(Int32.max)).array(of: 1...60)
    static let pick = Gen.int(in: 0...10_000)

    func states(_ script: [Int], replicas: Int, erases: Bool = false) throws -> [Record] {
        var simulation = ReplicaSimulation(replicaCount: replicas, erases: erases)
        try simulation.run(script)
        return simulation.history
    }

    @Test
    func mergeIsCommutative() async {
        await propertyCheck(count: 1_000, input: Self.script, Self.pick, Self.pick) { script, i, j in
            let history = try states(script, replicas: 3)
            let a = history[i % history.count]
            let b = history[j % history.count]
            #expect(try a.merging(b) == b.merging(a))
        }
    }

    @Test
    func mergeIsAssociative() async {
        await propertyCheck(count: 1_000, input: Self.script, Self.pick, Self.pick, Self.pick) { script, i, j, k in
            let history = try states(script, replicas: 4)
            let a = history[i % history.count]
            let b = history[j % history.count]
            let c = history[k % history.count]
            #expect(try a.merging(b).merging(c) == a.merging(b.merging(c)))
        }
    }

    @Test
    func mergeIsIdempotent() async {
        await propertyCheck(count: 1_000, input: Self.script, Self.pick, Self.pick) { script, i, j in
            let history = try states(script, replicas: 3)
            let a = history[i % history.count]
            let b = history[j % history.count]
            #expect(try a.merging(a) == a)
            let ab = try a.merging(b)
            #expect(try ab.merging(b) == ab)
            #expect(try ab.merging(a) == ab)
        }
    }

    @Test
    func mergedStatesKeepTheirStructure() async {
        await propertyCheck(count: 1_000, input: Self.script, Self.pick, Self.pick) { script, i, j in
            let history = try states(script, replicas: 5)
            let merged = try history[i % history.count].merging(history[j % history.count])
            #expect(throws: Never.self) { try merged.checkStructure() }
        }
    }

    @Test
    func mergeWithErasuresIsCommutativeAssociativeAndIdempotent() async {
        await propertyCheck(count: 1_000, input: Self.script, Self.pick, Self.pick, Self.pick) { script, i, j, k in
            let history = try states(script, replicas: 3, erases: true)
            let a = history[i % history.count]
            let b = history[j % history.count]
            let c = history[k % history.count]
            #expect(try a.merging(b) == b.merging(a))
            #expect(try a.merging(b).merging(c) == a.merging(b.merging(c)))
            #expect(try a.merging(a) == a)
            #expect(try a.merging(b).merging(b) == a.merging(b))
        }
    }

    @Test
    func anErasedStateAbsorbsEveryStateOfItsRecord() async {
        await propertyCheck(count: 1_000, input: Self.script, Self.pick, Self.pick) { script, i, j in
            let history = try states(script, replicas: 3, erases: true)
            let a = history[i % history.count]
            let b = history[j % history.count]
            let merged = try a.merging(b)
            #expect(merged.isErased == (a.isErased || b.isErased))
            if merged.isErased {
                #expect(merged.fields.isEmpty)
                #expect(merged.deletion.isEmpty)
                #expect(merged.values.isEmpty)
                #expect(merged.version.dominates(a.version) && merged.version.dominates(b.version))
            }
            #expect(throws: Never.self) { try merged.checkStructure() }
        }
    }
}
