import Foundation

/// A language the interfaces of QuartierSync speak: German or English.
public enum Language: String, CaseIterable, Codable, Hashable, Sendable {
    /// German.
    case german = "de"
    /// English.
    case english = "en"

    /// The language of a tag such as `de`, `de_DE.UTF-8`, `de-AT` or `en`; nil when it is neither.
    public init?(tag: String) {
        let lowered = tag.trimmingCharacters(in: .whitespaces).lowercased()
        let primary = lowered.prefix { $0.isLetter }
        switch primary {
        case "de": self = .german
        case "en": self = .english
        default: return nil
        }
    }

    /// The language to use: `option` (`--lang`), then `variable` (e.g. FIELDCLIENT_LANG), then
    /// LC_ALL, LC_MESSAGES and LANG from `environment`; the first one set decides, German for
    /// `de`/`de_*`, English otherwise.
    public static func resolve(option: String?, environment: [String: String], variable: String) -> Language {
        let candidates = [option, environment[variable], environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
        guard let first = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return .english }
        return Language(tag: first) == .german ? .german : .english
    }

    /// The preferred language of an HTTP `Accept-Language` header: the first German or English
    /// range by quality; English when the header names neither.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header else { return .english }
        var ranked: [(language: Language, quality: Double, position: Int)] = []
        for (position, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let language = Language(tag: tag) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0 { ranked.append((language, quality, position)) }
        }
        let best = ranked.sorted { $0.quality != $1.quality ? $0.quality > $1.quality : $0.position < $1.position }.first
        return best?.language ?? .english
    }

    /// The message catalog of this language.
    public var catalog: MessageCatalog {
        switch self {
        case .german: return .german
        case .english: return .english
        }
    }
}
