import Foundation
import SyncFixtures
import SyncModel

/// Row 4: SyncModel merges per second of two concurrent states of a response whose every field
/// holds `siblings` siblings (the two states share all but one writer).
enum MergeRow {
    /// Merges per second for `siblings` siblings per field, timed for at least `seconds`.
    static func mergesPerSecond(siblings: Int, template: Record, seconds: Double) throws -> Double {
        var random = SplitMix64(seed: UInt64(siblings))
        let answers = template.values
        let writers = (0...siblings).map { _ in ReplicaID.makeRandom(using: &random) }
        let states: [Record] = writers.enumerated().map { index, replica in
            var state = template
            var changed: [String: FieldValue] = [:]
            for (name, value) in answers { changed[name] = index == 0 ? value : .string("\(name)-\(index)") }
            state.write(changed, by: replica, at: Timestamp(millisecondsSince1970: 1_790_000_000_000 + Int64(index)))
            return state
        }
        // a: writers 0..<siblings, b: writers 1...siblings; both hold `siblings` siblings per field.
        var a = states[0]
        for state in states[1..<siblings] { try a.merge(state) }
        var b = states[siblings]
        for state in states[1..<siblings] { try b.merge(state) }
        guard let field = answers.keys.first, a.fields[field]?.siblings.count == siblings,
            b.fields[field]?.siblings.count == siblings
        else { throw BenchFailure("the merge states do not have \(siblings) siblings per field") }
        let clock = ContinuousClock()
        let start = clock.now
        var merges = 0
        var checksum = 0
        while (clock.now - start).seconds < seconds {
            for _ in 0..<100 {
                checksum &+= try a.merging(b).fields[field]?.siblings.count ?? 0
            }
            merges += 100
        }
        let elapsed = (clock.now - start).seconds
        guard checksum == merges * (siblings + 1) else {
            throw BenchFailure("a merge lost a writer (\(checksum) for \(merges) merges)")
        }
        return Double(merges) / elapsed
    }
}
