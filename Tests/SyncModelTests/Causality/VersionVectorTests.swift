import Foundation
import SyncModel
import Testing

@Suite("VersionVector")
struct VersionVectorTests {
    static let a = ReplicaID(high: 0, low: 1)
    static let b = ReplicaID(high: 0, low: 2)
    static let c = ReplicaID(high: 0, low: 3)

    struct ComparisonCase: CustomTestStringConvertible, Sendable {
        let left: VersionVector
        let right: VersionVector
        let expected: CausalOrder
        var testDescription: String { "\(left) vs \(right) → \(expected)" }
    }

    static let comparisonCases: [ComparisonCase] = [
        .init(left: [:], right: [:], expected: .equal),
        .init(left: [a: 1], right: [a: 1], expected: .equal),
        .init(left: [a: 0], right: [:], expected: .equal),
        .init(left: [:], right: [a: 1], expected: .before),
        .init(left: [a: 1], right: [a: 2], expected: .before),
        .init(left: [a: 1], right: [a: 1, b: 1], expected: .before),
        .init(left: [a: 3, b: 1], right: [a: 2], expected: .after),
        .init(left: [a: 2, b: 2, c: 2], right: [a: 2, b: 1, c: 2], expected: .after),
        .init(left: [a: 1], right: [b: 1], expected: .concurrent),
        .init(left: [a: 2, b: 1], right: [a: 1, b: 2], expected: .concurrent),
        .init(left: [a: 1, c: 1], right: [a: 1, b: 1], expected: .concurrent),
    ]

    @Test(arguments: comparisonCases)
    func comparesCausally(_ testCase: ComparisonCase) {
        #expect(testCase.left.compare(to: testCase.right) == testCase.expected)
        let mirrored: CausalOrder =
            switch testCase.expected {
            case .before: .after
            case .after: .before
            case .equal, .concurrent: testCase.expected
            }
        #expect(testCase.right.compare(to: testCase.left) == mirrored)
        #expect(testCase.left.isConcurrent(with: testCase.right) == (testCase.expected == .concurrent))
    }

    @Test(arguments: comparisonCases)
    func mergingTakesThePointwiseMaximum(_ testCase: ComparisonCase) {
        let merged = testCase.left.merging(testCase.right)
        for replica in [Self.a, Self.b, Self.c] {
            #expect(merged[replica] == max(testCase.left[replica], testCase.right[replica]))
        }
        #expect(merged.dominates(testCase.left) && merged.dominates(testCase.right))
        var inPlace = testCase.right
        inPlace.merge(testCase.left)
        #expect(inPlace == merged)
    }

    @Test(arguments: [
        (1 as UInt64, true), (2, true), (3, false),
    ])
    func coversDotsUpToItsCounter(counter: UInt64, covered: Bool) {
        let vector: VersionVector = [Self.a: 2]
        #expect(vector.covers(Dot(replica: Self.a, counter: counter)) == covered)
        #expect(!vector.covers(Dot(replica: Self.b, counter: 1)))
    }

    @Test
    func incrementReturnsTheNextDot() {
        var vector: VersionVector = [Self.a: 4]
        #expect(vector.increment(Self.a) == Dot(replica: Self.a, counter: 5))
        #expect(vector.increment(Self.b) == Dot(replica: Self.b, counter: 1))
        #expect(vector == [Self.a: 5, Self.b: 1])
        #expect(vector.total == 6)
    }

    @Test
    func zeroEntriesAreNotStored() {
        var vector: VersionVector = [Self.a: 0, Self.b: 1]
        #expect(vector.counters.count == 1)
        vector[Self.b] = 0
        #expect(vector == VersionVector())
    }

    @Test
    func jsonIsAnObjectOfReplicaTextToCounter() throws {
        let vector: VersionVector = [Self.a: 2, Self.b: 7]
        let data = try JSONEncoder.sorted.encode(vector)
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"00000000000000000000000000000001":2,"00000000000000000000000000000002":7}"#)
        #expect(try JSONDecoder().decode(VersionVector.self, from: data) == vector)
    }

    @Test(arguments: [
        #"{"xyz":1}"#, #"{"00000000000000000000000000000001":-1}"#, #"[1,2]"#,
    ])
    func rejectsMalformedJSON(_ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(VersionVector.self, from: Data(json.utf8)) }
    }
}
