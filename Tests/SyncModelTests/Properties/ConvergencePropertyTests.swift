import PropertyBased
import SyncModel
import Testing

/// Replicas that edit, delete and restore offline and exchange states in any order, with
/// duplicates and reorderings, end identical after a full exchange and lose no write.
@Suite("Convergence properties")
struct ConvergencePropertyTests {
    static let script = Gen.int(in: 0...Int(Int32.max)).array(of: 0...80)
    static let replicaCount = Gen.int(in: 3...5)

    @Test
    func replicasConvergeAfterAFullExchange() async {
        await propertyCheck(count: 1_000, input: Self.replicaCount, Self.script) { count, script in
            var simulation = ReplicaSimulation(replicaCount: count)
            try simulation.run(script)
            try simulation.exchangeEverything()
            let first = simulation.states[0]
            for state in simulation.states.dropFirst() {
                #expect(state == first)
            }
            // Everyone also shows the same values, deletion state and conflicts.
            #expect(Set(simulation.states.map(\.values)).count == 1)
            #expect(Set(simulation.states.map(\.isDeleted)).count == 1)
            #expect(Set(simulation.states.map(\.conflicts)).count == 1)
        }
    }

    @Test
    func noWriteIsLost() async {
        await propertyCheck(count: 1_000, input: Self.replicaCount, Self.script) { count, script in
            var simulation = ReplicaSimulation(replicaCount: count)
            try simulation.run(script)
            try simulation.exchangeEverything()
            #expect(simulation.lostWrites(in: simulation.states[0]) == [])
        }
    }

    @Test
    func everyIntermediateStateLosesNothingItHasSeen() async {
        await propertyCheck(count: 1_000, input: Self.replicaCount, Self.script) { count, script in
            var simulation = ReplicaSimulation(replicaCount: count)
            try simulation.run(script)
            for state in simulation.states {
                let problems = simulation.lostWrites(in: state).filter { !$0.contains("not covered") }
                let unseen = simulation.writes.filter { !state.version.covers($0.dot) }.count
                // Writes a replica has not seen yet are reported as uncovered, and only those.
                #expect(problems == [])
                #expect(simulation.lostWrites(in: state).count == unseen)
            }
        }
    }

    @Test
    func replicasConvergeOnTheErasureAndNoneRegainsContent() async {
        await propertyCheck(count: 1_000, input: Self.replicaCount, Self.script) { count, script in
            var simulation = ReplicaSimulation(replicaCount: count, erases: true)
            try simulation.run(script)
            // Once a replica holds an erased state, every later state it holds stays erased.
            let erasedReplicas = simulation.states.indices.filter { simulation.states[$0].isErased }
            try simulation.exchangeEverything()
            let first = simulation.states[0]
            for state in simulation.states.dropFirst() { #expect(state == first) }
            #expect(first.isErased == (simulation.erasureCount > 0))
            if first.isErased {
                for state in simulation.states {
                    #expect(state.fields.isEmpty && state.deletion.isEmpty && state.conflicts.isEmpty)
                }
            } else {
                #expect(erasedReplicas.isEmpty)
                #expect(simulation.lostWrites(in: first) == [])
            }
        }
    }

    @Test
    func theSimulationErasesInSomeRuns() throws {
        // Step 12_005 is an erasure at replica 0: kind 5, replica 1_200 % 3 == 0, 12 % 4 == 0.
        var simulation = ReplicaSimulation(replicaCount: 3, erases: true)
        try simulation.run([1, 12_005])
        #expect(simulation.erasureCount == 1)
        #expect(simulation.states[0].isErased)
    }
}
