import Foundation
import Synchronization
import SyncModel

/// Decoded survey definitions by their stored text, so that a push does not decode its cohort's
/// surveys again (they were 5 % of the server's time during ingest).
///
/// Published versions never change and the key is the whole stored text, so a hit is always the
/// decoding of exactly that text. At most `capacity` definitions are kept; when full, it starts over.
final class SurveyDefinitionCache: Sendable {
    /// The cache the stores share.
    static let shared = SurveyDefinitionCache(capacity: 256)

    /// Definitions by stored text.
    private let definitions: Mutex<[String: SurveyDefinition]>
    /// The most definitions kept.
    private let capacity: Int

    /// Creates an empty cache.
    init(capacity: Int) {
        self.capacity = capacity
        definitions = Mutex([:])
    }

    /// The definition that `text` (a stored canonical JSON definition) holds.
    func definition(decoding text: String) throws -> SurveyDefinition {
        if let known = definitions.withLock({ $0[text] }) { return known }
        let definition = try JSONDecoder().decode(SurveyDefinition.self, from: Data(text.utf8))
        definitions.withLock { cache in
            if cache.count >= capacity { cache.removeAll() }
            cache[text] = definition
        }
        return definition
    }
}
